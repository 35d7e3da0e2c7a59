<?php
// Dependencies of index.js, read by register_block_type (the editor script has no build step).
return array(
	'dependencies' => array( 'wp-blocks', 'wp-block-editor', 'wp-components', 'wp-element' ),
	'version'      => (string) filemtime( __DIR__ . '/index.js' ),
);

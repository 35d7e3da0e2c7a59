<?php
/**
 * Removes what the plugin stored: its one option (the optional CDN address of the widget).
 * The widget itself stores nothing on the server.
 */
if ( ! defined( 'WP_UNINSTALL_PLUGIN' ) ) {
	exit;
}
delete_option( 'sos_annuaire_script_url' );
if ( is_multisite() ) {
	delete_site_option( 'sos_annuaire_script_url' );
}

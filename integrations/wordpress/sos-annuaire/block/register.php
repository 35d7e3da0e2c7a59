<?php
/**
 * The « Annuaire SOS » block (sos-annuaire/annuaire): a dynamic block declared in block.json,
 * rendered on the server by the same function as [annuaire_sos] (same attribute list, same
 * escaping, same comment when the feed address is missing). The editor script (index.js) is
 * plain JavaScript on the `wp` globals: no build step.
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/** Block string attributes passed as the shortcode attribute of the same name. */
const SOS_ANNUAIRE_BLOCK_STRINGS = array(
	'src',
	'departement',
	'care',
	'subcare',
	'audience',
	'age',
	'setting',
	'phase',
	'access',
	'cost',
	'pathway',
	'variant',
	'theme',
	'lang',
	'basemap',
);

/** Block toggles, block attribute => the shortcode attribute and value they stand for. */
const SOS_ANNUAIRE_BLOCK_TOGGLES = array(
	'opening' => array( 'opening', 'today' ),
	'mssante' => array( 'mssante', 'oui' ),
);

/**
 * Block attributes (untrusted: the post's markup) => [annuaire_sos] attributes. Only the known
 * names; only strings for text settings and `true` for toggles (WordPress already drops values
 * of the wrong type, this keeps the function safe on its own).
 *
 * @param mixed $attributes
 * @return array<int|string, string>
 */
function sos_annuaire_block_to_shortcode_atts( $attributes ): array {
	$attributes = is_array( $attributes ) ? $attributes : array();
	$atts       = array();
	foreach ( SOS_ANNUAIRE_BLOCK_STRINGS as $name ) {
		if ( isset( $attributes[ $name ] ) && is_string( $attributes[ $name ] ) ) {
			$atts[ $name ] = $attributes[ $name ];
		}
	}
	foreach ( SOS_ANNUAIRE_BLOCK_TOGGLES as $name => list( $att, $value ) ) {
		if ( true === ( $attributes[ $name ] ?? null ) ) {
			$atts[ $att ] = $value;
		}
	}
	if ( true === ( $attributes['lockPresets'] ?? null ) ) {
		$atts[] = 'lock'; // Like [annuaire_sos … lock]: every preset locked.
	}
	return $atts;
}

/**
 * Server rendering: <sos-annuaire> in the block's wrapper (alignment, extra CSS class), or only
 * the shortcode's comment (and the notice for editors) when there is no usable feed address.
 *
 * @param mixed $attributes
 */
function sos_annuaire_block_render( $attributes ): string {
	$html = sos_annuaire_directory(
		sos_annuaire_block_to_shortcode_atts( $attributes ),
		'indiquez l\'adresse du flux de votre DSRC dans le bloc Annuaire SOS (réglages du bloc, « Adresse du flux »).',
		'l\'adresse du flux indiquée dans le bloc Annuaire SOS doit commencer par https:// (ou http://).'
	);
	if ( ! str_starts_with( $html, '<sos-annuaire' ) ) {
		return $html;
	}
	return sprintf( '<div %s>%s</div>', get_block_wrapper_attributes(), $html );
}

function sos_annuaire_register_block(): void {
	register_block_type( __DIR__, array( 'render_callback' => 'sos_annuaire_block_render' ) );
}
add_action( 'init', 'sos_annuaire_register_block' );

/** The referential's codes and French labels for the sidebar's presets (choices.json, generated). */
function sos_annuaire_block_editor_data(): void {
	$json    = file_get_contents( __DIR__ . '/choices.json' );
	$choices = is_string( $json ) ? json_decode( $json, true ) : null;
	if ( ! is_array( $choices ) ) {
		return; // The editor script then offers text fields for the codes.
	}
	unset( $choices['$comment'] );
	wp_add_inline_script(
		generate_block_asset_handle( 'sos-annuaire/annuaire', 'editorScript' ),
		'window.sosAnnuaireBlock = ' . wp_json_encode( array( 'choices' => $choices ) ) . ';',
		'before'
	);
}
add_action( 'enqueue_block_editor_assets', 'sos_annuaire_block_editor_data' );

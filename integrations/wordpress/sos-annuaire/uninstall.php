<?php
/**
 * Removes what the plugin stored: its two options (the optional addresses of the widget and of
 * the publisher's workbench).
 * The widget itself stores nothing on the server.
 */
if ( ! defined( 'WP_UNINSTALL_PLUGIN' ) ) {
	exit;
}
foreach ( array( 'sos_annuaire_script_url', 'sos_annuaire_editeur_url' ) as $sos_annuaire_option ) {
	delete_option( $sos_annuaire_option );
	if ( is_multisite() ) {
		delete_site_option( $sos_annuaire_option );
	}
}

<?php
/**
 * Plugin Name:       Annuaire SOS (soins oncologiques de support)
 * Description:       Affiche l'annuaire régional officiel des soins oncologiques de support publié par votre DSRC : bloc « Annuaire SOS », codes courts [annuaire_sos] et [annuaire_sos_fiche].
 * Version:           0.1.0
 * Requires at least: 6.1
 * Requires PHP:      8.0
 * License:           MIT
 * License URI:       https://opensource.org/licenses/MIT
 * Text Domain:       sos-annuaire
 *
 * The widget itself is a set of custom elements (<sos-annuaire>, <sos-structure-card>) loaded
 * as an ES module: by default the copy bundled in assets/ (the CDN build), or a URL set under
 * Réglages › Annuaire SOS. The script is enqueued only on pages that use a shortcode or the block
 * (block/: block.json, its editor script and its server rendering, which calls the shortcode's).
 * The settings page also links the DSRC's publisher's workbench: the copy bundled in editeur/
 * (static files, `npm run build`'s dist/editeur), or the address the DSRC hosts it at.
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

const SOS_ANNUAIRE_VERSION = '0.1.0';
const SOS_ANNUAIRE_HANDLE  = 'sos-annuaire';
const SOS_ANNUAIRE_OPTION  = 'sos_annuaire_script_url';
const SOS_ANNUAIRE_EDITEUR_OPTION = 'sos_annuaire_editeur_url';

/** Attributes of [annuaire_sos] passed to <sos-annuaire>, shortcode name => element attribute. */
const SOS_ANNUAIRE_ATTRIBUTES = array(
	'src'         => 'src',
	'departement' => 'departement',
	'care'        => 'care',
	'subcare'     => 'subcare',
	'audience'    => 'audience',
	'age'         => 'age',
	'setting'     => 'setting',
	'phase'       => 'phase',
	'access'      => 'access',
	'cost'        => 'cost',
	'pathway'     => 'pathway',
	'opening'     => 'opening',
	'mssante'     => 'mssante',
	'lock'        => 'lock',
	'variant'     => 'variant',
	'lang'        => 'lang',
	'theme'       => 'theme',
	'basemap'     => 'basemap',
	'url_state'   => 'url-state',
	'max_size'    => 'max-size',
	'page_url'    => 'page-url',
	'strings'     => 'strings',
	'id'          => 'id',
);

/** Attributes of [annuaire_sos_fiche] passed to <sos-structure-card>. */
const SOS_ANNUAIRE_CARD_ATTRIBUTES = array(
	'src'          => 'src',
	'structure_id' => 'structure-id',
	'lang'         => 'lang',
	'theme'        => 'theme',
	'id'           => 'id',
);

/** The module's URL: the CDN address from the settings, else the bundled copy. */
function sos_annuaire_script_url(): string {
	$custom = trim( (string) get_option( SOS_ANNUAIRE_OPTION, '' ) );
	if ( '' !== $custom ) {
		return $custom;
	}
	return plugins_url( 'assets/sos-annuaire.js', __FILE__ );
}

/** True when WordPress (≥ 6.5) has the Script Modules API. */
function sos_annuaire_has_script_modules(): bool {
	return function_exists( 'wp_register_script_module' ) && function_exists( 'wp_enqueue_script_module' );
}

/**
 * Registers the module. The bundled copy gets ?ver= (cache busting on plugin updates); a CDN
 * URL is used exactly as typed (null version), so a theme loading the same URL shares it.
 */
function sos_annuaire_register(): void {
	$custom  = '' !== trim( (string) get_option( SOS_ANNUAIRE_OPTION, '' ) );
	$version = $custom ? null : SOS_ANNUAIRE_VERSION;
	if ( sos_annuaire_has_script_modules() ) {
		wp_register_script_module( SOS_ANNUAIRE_HANDLE, sos_annuaire_script_url(), array(), $version );
	} else {
		wp_register_script( SOS_ANNUAIRE_HANDLE, sos_annuaire_script_url(), array(), $version, true );
	}
}
add_action( 'init', 'sos_annuaire_register' );

/**
 * Called by the shortcodes and the block themselves, so only pages that render one get the script
 * (not a page whose shortcode or block lacks `src`). Printed in the footer (classic themes) or the
 * head (block themes, which render the content before wp_head) — after the content in both cases.
 */
function sos_annuaire_enqueue(): void {
	if ( sos_annuaire_has_script_modules() ) {
		wp_enqueue_script_module( SOS_ANNUAIRE_HANDLE );
	} else {
		wp_enqueue_script( SOS_ANNUAIRE_HANDLE );
	}
}

/** WP < 6.5: print our classic-registered script as <script type="module">. */
function sos_annuaire_module_tag( string $tag, string $handle, string $src ): string {
	if ( SOS_ANNUAIRE_HANDLE !== $handle ) {
		return $tag;
	}
	return sprintf( '<script type="module" src="%s" id="%s"></script>' . "\n", esc_url( $src ), esc_attr( $handle . '-js' ) );
}
add_filter( 'script_loader_tag', 'sos_annuaire_module_tag', 10, 3 );

/** Escapes one attribute value; URLs (several, space-separated, for src) go through esc_url. */
function sos_annuaire_attr_value( string $name, string $value ): string {
	$value = trim( $value );
	if ( 'src' === $name ) {
		$urls = preg_split( '/\s+/', $value, -1, PREG_SPLIT_NO_EMPTY );
		return esc_attr( implode( ' ', array_filter( array_map( static fn( $u ) => esc_url( $u, array( 'http', 'https' ) ), $urls ) ) ) );
	}
	if ( 'basemap' === $name && 'offline' !== $value ) {
		return esc_attr( esc_url( $value, array( 'http', 'https' ) ) );
	}
	return esc_attr( $value );
}

/**
 * Builds `<tag a="…">` from shortcode attributes: only the known ones, all escaped. A bare word
 * `lock` ([annuaire_sos lock]) becomes the empty `lock` attribute (lock every preset).
 *
 * @param array<int|string, string>|string $atts
 * @param array<string, string>            $allowed
 */
function sos_annuaire_element( string $tag, $atts, array $allowed ): string {
	$atts = is_array( $atts ) ? $atts : array();
	$out  = '';
	foreach ( $atts as $key => $value ) {
		if ( is_int( $key ) ) {
			if ( 'lock' === strtolower( (string) $value ) && isset( $allowed['lock'] ) ) {
				$out .= ' lock';
			}
			continue;
		}
		$key = strtolower( $key );
		if ( ! isset( $allowed[ $key ] ) ) {
			continue; // Unknown attributes are ignored.
		}
		$escaped = sos_annuaire_attr_value( $key, (string) $value );
		if ( '' === $escaped && 'lock' !== $key ) {
			continue;
		}
		$out .= sprintf( ' %s="%s"', $allowed[ $key ], $escaped );
	}
	return '<' . $tag . $out . '></' . $tag . '>';
}

/**
 * The French HTML comment, plus a visible notice for people who can edit (never for visitors).
 * $fix says how to fix it (an example shortcode, or where the block's setting is).
 */
function sos_annuaire_missing( string $shortcode, string $missing, string $fix, string $problem = 'manquant' ): string {
	$html = sprintf( '<!-- %s : attribut %s %s, rien n\'est affiché -->', esc_html( $shortcode ), esc_html( $missing ), esc_html( $problem ) );
	if ( current_user_can( 'edit_posts' ) ) {
		$html .= sprintf(
			'<p class="sos-annuaire-notice" role="alert" style="border-left:4px solid #d63638;padding:8px 12px;background:#fcf0f1;">%s</p>',
			esc_html( 'Annuaire SOS (message visible seulement par les éditeurs) : ' . $fix )
		);
	}
	return $html;
}

/**
 * <sos-annuaire> from [annuaire_sos] attributes, or the French comment when `src` is missing or
 * holds no http(s) address. The shortcode and the block both render through here.
 *
 * @param array<int|string, mixed>|string $atts
 */
function sos_annuaire_directory( $atts, string $fix_missing, string $fix_invalid ): string {
	if ( ! is_array( $atts ) || '' === trim( (string) ( $atts['src'] ?? '' ) ) ) {
		return sos_annuaire_missing( 'annuaire_sos', 'src', $fix_missing );
	}
	if ( '' === sos_annuaire_attr_value( 'src', (string) $atts['src'] ) ) {
		return sos_annuaire_missing( 'annuaire_sos', 'src', $fix_invalid, 'invalide (adresse http ou https attendue)' );
	}
	sos_annuaire_enqueue();
	return sos_annuaire_element( 'sos-annuaire', $atts, SOS_ANNUAIRE_ATTRIBUTES );
}

function sos_annuaire_shortcode( $atts ): string {
	$example = '[annuaire_sos src="https://www.exemple-dsrc.fr/annuaire-sos.json"]';
	return sos_annuaire_directory(
		$atts,
		sprintf( 'l\'attribut « src » est obligatoire, par exemple %s', $example ),
		sprintf( 'l\'attribut « src » doit être l\'adresse du flux, commençant par https:// (ou http://), par exemple %s', $example )
	);
}
add_shortcode( 'annuaire_sos', 'sos_annuaire_shortcode' );

function sos_annuaire_fiche_shortcode( $atts ): string {
	$example = '[annuaire_sos_fiche src="https://www.exemple-dsrc.fr/annuaire-sos.json" structure_id="finess-330000662"]';
	if ( ! is_array( $atts ) || '' === trim( (string) ( $atts['src'] ?? '' ) ) ) {
		return sos_annuaire_missing( 'annuaire_sos_fiche', 'src', sprintf( 'l\'attribut « src » est obligatoire, par exemple %s', $example ) );
	}
	if ( '' === sos_annuaire_attr_value( 'src', (string) $atts['src'] ) ) {
		return sos_annuaire_missing( 'annuaire_sos_fiche', 'src', sprintf( 'l\'attribut « src » doit être l\'adresse du flux, commençant par https:// (ou http://), par exemple %s', $example ), 'invalide (adresse http ou https attendue)' );
	}
	if ( '' === trim( (string) ( $atts['structure_id'] ?? '' ) ) ) {
		return sos_annuaire_missing( 'annuaire_sos_fiche', 'structure_id', 'l\'attribut « structure_id » est obligatoire, par exemple [annuaire_sos_fiche src="…" structure_id="finess-330000662"]' );
	}
	sos_annuaire_enqueue();
	return sos_annuaire_element( 'sos-structure-card', $atts, SOS_ANNUAIRE_CARD_ATTRIBUTES );
}
add_shortcode( 'annuaire_sos_fiche', 'sos_annuaire_fiche_shortcode' );

require_once __DIR__ . '/block/register.php';

// ---- Réglages › Annuaire SOS ---------------------------------------------------------------

function sos_annuaire_sanitize_url( $value ): string {
	return esc_url_raw( trim( (string) $value ), array( 'https', 'http' ) );
}

/** Like sos_annuaire_sanitize_url, and says so when a non-empty address was refused (javascript:, ftp:…). */
function sos_annuaire_sanitize_editeur_url( $value ): string {
	$clean = sos_annuaire_sanitize_url( $value );
	if ( '' === $clean && '' !== trim( (string) $value ) ) {
		add_settings_error(
			SOS_ANNUAIRE_EDITEUR_OPTION,
			'sos-annuaire-editeur-url',
			'Adresse de l\'atelier de l\'éditeur ignorée : elle doit commencer par https:// (ou http://). Le lien mène à la copie fournie avec l\'extension.'
		);
	}
	return $clean;
}

function sos_annuaire_register_setting(): void {
	register_setting(
		'sos_annuaire',
		SOS_ANNUAIRE_OPTION,
		array(
			'type'              => 'string',
			'default'           => '',
			'sanitize_callback' => 'sos_annuaire_sanitize_url',
			'show_in_rest'      => false,
		)
	);
	register_setting(
		'sos_annuaire',
		SOS_ANNUAIRE_EDITEUR_OPTION,
		array(
			'type'              => 'string',
			'default'           => '',
			'sanitize_callback' => 'sos_annuaire_sanitize_editeur_url',
			'show_in_rest'      => false,
		)
	);
}

/** The workbench bundled in editeur/ (by scripts/package-wordpress.mjs), or '' when this copy lacks it. */
function sos_annuaire_bundled_editeur_url(): string {
	return is_file( __DIR__ . '/editeur/index.html' ) ? plugins_url( 'editeur/index.html', __FILE__ ) : '';
}

/** Where « Ouvrir l'atelier de l'éditeur » leads: the address set by the DSRC, else the bundled copy. */
function sos_annuaire_editeur_url(): string {
	// Sanitized again: an option written by other code (not through the form) is never trusted.
	$custom = sos_annuaire_sanitize_url( get_option( SOS_ANNUAIRE_EDITEUR_OPTION, '' ) );
	return '' !== $custom ? $custom : sos_annuaire_bundled_editeur_url();
}
add_action( 'admin_init', 'sos_annuaire_register_setting' );

function sos_annuaire_settings_menu(): void {
	add_options_page( 'Annuaire SOS', 'Annuaire SOS', 'manage_options', 'sos-annuaire', 'sos_annuaire_settings_page' );
}
add_action( 'admin_menu', 'sos_annuaire_settings_menu' );

function sos_annuaire_settings_page(): void {
	if ( ! current_user_can( 'manage_options' ) ) {
		return;
	}
	$bundled         = plugins_url( 'assets/sos-annuaire.js', __FILE__ );
	$editeur         = sos_annuaire_editeur_url();
	$editeur_bundled = sos_annuaire_bundled_editeur_url();
	?>
	<div class="wrap">
		<h1>Annuaire SOS</h1>
		<p>Ajoutez l'annuaire dans une page avec le bloc <strong>Annuaire SOS</strong> (bouton « + » de l'éditeur, puis « Annuaire SOS » ; l'adresse du flux se règle dans la colonne de droite) ou avec le code court <code>[annuaire_sos src="https://…/annuaire-sos.json"]</code>. L'adresse du flux vous est donnée par votre DSRC.</p>
		<form method="post" action="options.php">
			<?php settings_fields( 'sos_annuaire' ); ?>
			<h2>Widget de l'annuaire</h2>
			<table class="form-table" role="presentation">
				<tr>
					<th scope="row"><label for="sos-annuaire-script-url">Adresse du script du widget (facultatif)</label></th>
					<td>
						<input type="url" class="large-text code" id="sos-annuaire-script-url" name="<?php echo esc_attr( SOS_ANNUAIRE_OPTION ); ?>"
							value="<?php echo esc_attr( (string) get_option( SOS_ANNUAIRE_OPTION, '' ) ); ?>"
							placeholder="<?php echo esc_attr( $bundled ); ?>" aria-describedby="sos-annuaire-script-url-help" />
						<?php // Not class="description": its grey on the grey of <code> is 4.15:1, under the 4.5:1 of RGAA. ?>
						<p id="sos-annuaire-script-url-help">
							Laissez vide pour utiliser la copie fournie avec l'extension (<code><?php echo esc_html( $bundled ); ?></code>).
							Sinon, indiquez l'adresse complète de <code>sos-annuaire.js</code> sur un CDN ; ce serveur doit envoyer l'en-tête <code>Access-Control-Allow-Origin</code>.
						</p>
					</td>
				</tr>
			</table>

			<h2 id="sos-annuaire-editeur">Outil de l'éditeur du flux (DSRC)</h2>
			<p>Pour la personne du DSRC qui tient l'annuaire dans un tableur : l'atelier de l'éditeur est une page web qui ouvre le tableur ou le flux publié, signale les erreurs et propose leur correction, produit le fichier du flux à publier et prépare la vérification annuelle des structures. Tout se passe dans le navigateur : vos fichiers ne quittent pas votre ordinateur (seules les adresses des structures sont envoyées à la Base Adresse Nationale, quand vous demandez leurs coordonnées).</p>
			<?php if ( '' !== $editeur ) : ?>
				<p><a class="button" id="sos-annuaire-editeur-link" href="<?php echo esc_url( $editeur, array( 'https', 'http' ) ); ?>">Ouvrir l'atelier de l'éditeur</a> <code><?php echo esc_html( $editeur ); ?></code></p>
			<?php else : ?>
				<p>Cette copie de l'extension ne contient pas l'atelier (dossier <code>editeur/</code> absent) : installez l'extension depuis son fichier zip, ou indiquez ci-dessous l'adresse où votre DSRC l'héberge.</p>
			<?php endif; ?>
			<table class="form-table" role="presentation">
				<tr>
					<th scope="row"><label for="sos-annuaire-editeur-url">Adresse de l'atelier de l'éditeur (facultatif)</label></th>
					<td>
						<input type="url" class="large-text code" id="sos-annuaire-editeur-url" name="<?php echo esc_attr( SOS_ANNUAIRE_EDITEUR_OPTION ); ?>"
							value="<?php echo esc_attr( (string) get_option( SOS_ANNUAIRE_EDITEUR_OPTION, '' ) ); ?>"
							placeholder="<?php echo esc_attr( '' !== $editeur_bundled ? $editeur_bundled : 'https://…/editeur/' ); ?>" aria-describedby="sos-annuaire-editeur-url-help" />
						<p id="sos-annuaire-editeur-url-help">
							Laissez vide pour utiliser la copie fournie avec l'extension. Sinon, indiquez l'adresse (https://…) de l'atelier hébergé par votre DSRC.
						</p>
					</td>
				</tr>
			</table>
			<?php submit_button( 'Enregistrer' ); ?>
		</form>
	</div>
	<?php
}

/** "Réglages" link on the Extensions screen. */
function sos_annuaire_action_links( array $links ): array {
	$url = admin_url( 'options-general.php?page=sos-annuaire' );
	array_unshift( $links, sprintf( '<a href="%s">%s</a>', esc_url( $url ), esc_html( 'Réglages' ) ) );
	return $links;
}
add_filter( 'plugin_action_links_' . plugin_basename( __FILE__ ), 'sos_annuaire_action_links' );

/**
 * « Annuaire SOS » block, editor side: the sidebar settings and a summary in the page. Plain
 * JavaScript on WordPress's `wp` globals (dependencies in index.asset.php), so there is no build
 * step. The published page is rendered by the server (register.php, through the shortcode's
 * function); the editor does not load the widget itself.
 */
( function ( wp ) {
	'use strict';

	const { registerBlockType } = wp.blocks;
	const { useBlockProps, InspectorControls } = wp.blockEditor;
	const { PanelBody, TextControl, SelectControl, ToggleControl, CheckboxControl, Placeholder, Notice } = wp.components;
	const { createElement: h, Fragment } = wp.element;

	// Codes and French labels of the national referential, printed by register.php (choices.json).
	const choices = ( window.sosAnnuaireBlock && window.sosAnnuaireBlock.choices ) || {};

	const FEED_HELP = 'L\'adresse du fichier de l\'annuaire, donnée par votre DSRC (https://…). Plusieurs flux : séparez les adresses par des espaces.';

	const VARIANTS = [
		{ value: '', label: 'Liste et carte (par défaut)' },
		{ value: 'liste', label: 'Liste seule, sans carte' },
		{ value: 'carte', label: 'Carte d\'abord' },
	];
	const THEMES = [
		{ value: '', label: 'Couleurs du widget (par défaut)' },
		{ value: 'dsfr', label: 'Système de design de l\'État (DSFR)' },
	];
	const LANGS = [
		{ value: '', label: 'Français (par défaut)' },
		{ value: 'en', label: 'Anglais (English)' },
	];
	const BASEMAPS = [
		{ value: '', label: 'Plan IGN (par défaut)' },
		{ value: 'offline', label: 'Fond simplifié, sans serveur externe' },
	];

	/** The checkbox lists of the « Présélections » panel: attribute, title, help. */
	const PRESET_LISTS = [
		[ 'care', 'Catégories de soins', 'Les soins plus précis sont dans le panneau « Soins précis ».' ],
		[ 'audience', 'Public', '' ],
		[ 'age', 'Âge', '' ],
		[ 'setting', 'Lieu', '' ],
		[ 'phase', 'Moment du parcours', '' ],
		[ 'access', 'Accès', '' ],
		[ 'cost', 'Coût', '' ],
		[ 'pathway', 'Parcours', '' ],
	];

	/** "33, 40,33" => ['33', '40']. */
	const codes = ( value ) => [ ...new Set( String( value || '' ).split( ',' ).map( ( c ) => c.trim() ).filter( Boolean ) ) ];

	/**
	 * Feed addresses the page would not use: the server keeps only web addresses (http, https)
	 * and paths on this site (/…).
	 */
	const unusableUrls = ( src ) => String( src || '' ).split( /\s+/ ).filter( ( u ) => u && ! /^(https?:\/\/[^\s/]|\/)/i.test( u ) );

	/** Select options, plus the current value when it is not one of them (markup written by hand). */
	const withCurrent = ( options, value ) =>
		! value || options.some( ( o ) => o.value === value ) ? options : [ ...options, { value, label: `${ value } (valeur non proposée)` } ];

	const labelOf = ( options, value ) => ( options.find( ( o ) => o.value === ( value || '' ) ) || { label: value } ).label;

	/**
	 * Checkboxes for comma-separated codes. Codes of the value that no box shows (and that are not
	 * in `elsewhere`) stay, as ticked boxes marked unknown, so nothing typed by hand is lost.
	 */
	function CodeChecklist( { title, help, options, value, onChange, elsewhere, showUnknown = true } ) {
		const selected = codes( value );
		const shown = new Set( options.map( ( o ) => o.code ) );
		const unknown = showUnknown ? selected.filter( ( c ) => ! shown.has( c ) && ! ( elsewhere && elsewhere.has( c ) ) ) : [];
		const toggle = ( code, on ) => {
			const next = on ? [ ...selected, code ] : selected.filter( ( c ) => c !== code );
			onChange( next.join( ',' ) );
		};
		return h(
			'fieldset',
			{ className: 'sos-annuaire-block-checklist components-base-control' },
			h( 'legend', { className: 'components-base-control__label' }, title ),
			help ? h( 'p', { className: 'components-base-control__help' }, help ) : null,
			...options.map( ( o ) =>
				h( CheckboxControl, { key: o.code, label: o.label, checked: selected.includes( o.code ), onChange: ( on ) => toggle( o.code, on ) } )
			),
			...unknown.map( ( c ) =>
				h( CheckboxControl, { key: `?${ c }`, label: `${ c } (code inconnu du référentiel)`, checked: true, onChange: ( on ) => toggle( c, on ) } )
			)
		);
	}

	/** A checklist when the referential's codes are known, else a text field for the codes. */
	function Preset( { name, title, help, attributes, set } ) {
		const options = choices[ name ];
		if ( ! Array.isArray( options ) ) {
			return h( TextControl, { label: title, help: 'Codes séparés par des virgules.', value: attributes[ name ] || '', onChange: set( name ) } );
		}
		return h( CodeChecklist, { title, help, options, value: attributes[ name ], onChange: set( name ) } );
	}

	function FeedField( { attributes, set } ) {
		const bad = unusableUrls( attributes.src );
		return h(
			Fragment,
			null,
			h( TextControl, {
				label: 'Adresse du flux',
				help: FEED_HELP,
				value: attributes.src || '',
				onChange: set( 'src' ),
				placeholder: 'https://www.exemple-dsrc.fr/annuaire-sos.json',
				autoComplete: 'off',
				spellCheck: false,
			} ),
			bad.length
				? h(
					Notice,
					{ status: 'warning', isDismissible: false },
					`Adresse ignorée : « ${ bad.join( ' ' ) } ». Indiquez l'adresse complète du flux, commençant par https://.`
				)
				: null
		);
	}

	function Sidebar( { attributes, set } ) {
		const subcareGroups = Array.isArray( choices.care ) ? choices.care.filter( ( c ) => Array.isArray( c.subcare ) ) : [];
		const allSubcares = new Set( subcareGroups.flatMap( ( c ) => c.subcare.map( ( s ) => s.code ) ) );
		return h(
			InspectorControls,
			null,
			h( PanelBody, { title: 'Flux', initialOpen: true }, h( FeedField, { attributes, set } ) ),
			h(
				PanelBody,
				{ title: 'Affichage', initialOpen: true },
				h( SelectControl, {
					label: 'Présentation',
					value: attributes.variant || '',
					options: withCurrent( VARIANTS, attributes.variant ),
					onChange: set( 'variant' ),
					help: 'Sur un téléphone, la liste et la carte sont l\'une sous l\'autre.',
				} ),
				h( SelectControl, {
					label: 'Apparence',
					value: attributes.theme || '',
					options: withCurrent( THEMES, attributes.theme ),
					onChange: set( 'theme' ),
					help: 'DSFR : pour les sites publics. Les couleurs se règlent aussi dans la feuille de style du site (propriétés --sos-*).',
				} ),
				h( SelectControl, {
					label: 'Langue de l\'annuaire',
					value: attributes.lang || '',
					options: withCurrent( LANGS, attributes.lang ),
					onChange: set( 'lang' ),
				} ),
				h( SelectControl, {
					label: 'Fond de carte',
					value: attributes.basemap || '',
					options: withCurrent( BASEMAPS, attributes.basemap ),
					onChange: set( 'basemap' ),
					help: 'Le Plan IGN est chargé depuis la Géoplateforme de l\'IGN quand la carte s\'affiche ; le fond simplifié ne contacte aucun serveur.',
				} )
			),
			h(
				PanelBody,
				{ title: 'Présélections', initialOpen: false },
				h( 'p', null, 'Les filtres cochés ici sont appliqués dès l\'ouverture de la page ; les visiteurs peuvent les changer, sauf s\'ils sont figés.' ),
				h( TextControl, {
					label: 'Départements',
					help: 'Codes séparés par des virgules, par exemple 33,40. Vide : tous les départements du flux.',
					value: attributes.departement || '',
					onChange: set( 'departement' ),
				} ),
				...PRESET_LISTS.map( ( [ name, title, help ] ) => h( Preset, { key: name, name, title, help, attributes, set } ) ),
				h( ToggleControl, {
					label: 'Seulement ce qui est ouvert aujourd\'hui',
					checked: attributes.opening === true,
					onChange: set( 'opening' ),
				} ),
				h( ToggleControl, {
					label: 'Seulement avec une messagerie sécurisée de santé (MSSanté)',
					help: 'Pour une page destinée aux professionnels.',
					checked: attributes.mssante === true,
					onChange: set( 'mssante' ),
				} ),
				h( ToggleControl, {
					label: 'Figer les présélections',
					help: 'Les visiteurs ne peuvent pas les changer : ces filtres ne leur sont pas montrés.',
					checked: attributes.lockPresets === true,
					onChange: set( 'lockPresets' ),
				} )
			),
			h(
				PanelBody,
				{ title: 'Soins précis', initialOpen: false },
				subcareGroups.length
					? subcareGroups.map( ( c, i ) =>
						h( CodeChecklist, {
							key: c.code,
							title: c.label,
							options: c.subcare,
							value: attributes.subcare,
							onChange: set( 'subcare' ),
							elsewhere: allSubcares,
							showUnknown: i === subcareGroups.length - 1,
						} )
					)
					: h( TextControl, { label: 'Soins précis', help: 'Codes séparés par des virgules.', value: attributes.subcare || '', onChange: set( 'subcare' ) } )
			)
		);
	}

	/** Labels of the ticked codes of one preset, for the summary. */
	function presetLabels( name, value ) {
		const options = name === 'subcare'
			? ( choices.care || [] ).flatMap( ( c ) => c.subcare || [] )
			: choices[ name ] || [];
		return codes( value ).map( ( c ) => ( options.find( ( o ) => o.code === c ) || { label: c } ).label );
	}

	function Summary( { attributes } ) {
		const presets = [];
		if ( attributes.departement ) presets.push( `départements ${ codes( attributes.departement ).join( ', ' ) }` );
		for ( const name of [ 'care', 'subcare', 'audience', 'age', 'setting', 'phase', 'access', 'cost', 'pathway' ] ) {
			if ( attributes[ name ] ) presets.push( presetLabels( name, attributes[ name ] ).join( ', ' ) );
		}
		if ( attributes.opening ) presets.push( 'ouvert aujourd\'hui' );
		if ( attributes.mssante ) presets.push( 'avec MSSanté' );
		const look = [ labelOf( VARIANTS, attributes.variant ), labelOf( THEMES, attributes.theme ), labelOf( LANGS, attributes.lang ) ];
		return h(
			'ul',
			{ className: 'sos-annuaire-block-summary' },
			h( 'li', null, presets.length ? `Présélections${ attributes.lockPresets ? ' (figées)' : '' } : ${ presets.join( ' ; ' ) }` : 'Présélections : aucune' ),
			h( 'li', null, `Affichage : ${ look.join( ' · ' ) }` )
		);
	}

	function Edit( { attributes, setAttributes } ) {
		const blockProps = useBlockProps();
		// Empty text and switched-off toggles remove the attribute (the block's markup stays short).
		const set = ( name ) => ( value ) => setAttributes( { [ name ]: value === '' || value === false ? undefined : value } );
		const hasFeed = String( attributes.src || '' ).trim() !== '';
		return h(
			Fragment,
			null,
			h( Sidebar, { attributes, set } ),
			h(
				'div',
				blockProps,
				h(
					Placeholder,
					{
						icon: 'location-alt',
						label: 'Annuaire SOS',
						instructions: hasFeed
							? 'L\'annuaire s\'affichera ici sur la page publiée (bouton « Prévisualiser » pour le voir). Les autres réglages sont dans la colonne de droite.'
							: 'Aucun flux indiqué : l\'annuaire ne s\'affichera pas. Indiquez l\'adresse du flux que vous a donnée votre DSRC, ici ou dans les réglages du bloc (colonne de droite).',
					},
					// The field stays in place when the summary appears, so typing keeps the focus.
					h( FeedField, { attributes, set } ),
					hasFeed ? h( Summary, { attributes } ) : null
				)
			)
		);
	}

	registerBlockType( 'sos-annuaire/annuaire', {
		edit: Edit,
		save: () => null, // Dynamic block: the server renders it (register.php).
	} );
} )( window.wp );

/**
 * The "Spoiler-safe news" block in the editor: its options in the sidebar, and a live preview
 * rendered by the server (the same markup the page gets). No build step: WordPress's globals.
 */
( function ( blocks, element, blockEditor, components, serverSideRender, i18n ) {
	'use strict';

	const el = element.createElement;
	const __ = i18n.__;
	const { InspectorControls, useBlockProps } = blockEditor;
	const { PanelBody, SelectControl, TextControl } = components;
	const ServerSideRender = serverSideRender;

	const levels = ( empty ) => [
		{ value: '', label: empty },
		{ value: 'none', label: __( 'None', 'spoilerfeed' ) },
		{ value: 'mild', label: __( 'Mild', 'spoilerfeed' ) },
		{ value: 'moderate', label: __( 'Moderate', 'spoilerfeed' ) },
		{ value: 'major', label: __( 'Major', 'spoilerfeed' ) },
	];

	function Edit( props ) {
		const { attributes, setAttributes } = props;
		const text = ( name, label, help ) =>
			el( TextControl, {
				label,
				help,
				value: attributes[ name ],
				onChange: ( value ) => setAttributes( { [ name ]: value } ),
			} );
		const select = ( name, label, options ) =>
			el( SelectControl, {
				label,
				value: attributes[ name ],
				options,
				onChange: ( value ) => setAttributes( { [ name ]: value } ),
			} );
		const siteSetting = __( 'The site’s setting', 'spoilerfeed' );

		return el(
			'div',
			useBlockProps(),
			el(
				InspectorControls,
				{},
				el(
					PanelBody,
					{ title: __( 'Feed', 'spoilerfeed' ) },
					text( 'category', __( 'Category', 'spoilerfeed' ), __( 'Only this category’s posts (its slug). Empty: every post.', 'spoilerfeed' ) ),
					text( 'src', __( 'Other feed URL', 'spoilerfeed' ), __( 'Empty: this site’s feed.', 'spoilerfeed' ) ),
					text( 'show', __( 'Only this show', 'spoilerfeed' ) ),
					text( 'kinds', __( 'Kinds', 'spoilerfeed' ), __( 'Comma-separated: production, cast, release, other.', 'spoilerfeed' ) )
				),
				el(
					PanelBody,
					{ title: __( 'Spoiler levels', 'spoilerfeed' ) },
					select( 'level', __( 'Starting level', 'spoilerfeed' ), levels( siteSetting ) ),
					select( 'lockLevel', __( 'Locked level', 'spoilerfeed' ), levels( siteSetting ) ),
					select( 'defaultLevel', __( 'Posts without a mapped category', 'spoilerfeed' ), levels( siteSetting ) ),
					text( 'tagLevels', __( 'More category levels', 'spoilerfeed' ), __( 'Over the site’s: trailers:moderate, casting:mild', 'spoilerfeed' ) ),
					text( 'tagKinds', __( 'More category kinds', 'spoilerfeed' ), __( 'Over the site’s: casting:cast', 'spoilerfeed' ) ),
					text( 'mute', __( 'Muted words', 'spoilerfeed' ) ),
					text( 'progress', __( 'Watch progress', 'spoilerfeed' ), __( 'S4E7, S4, all or aired-7d', 'spoilerfeed' ) )
				),
				el(
					PanelBody,
					{ title: __( 'Display', 'spoilerfeed' ), initialOpen: false },
					select( 'theme', __( 'Theme', 'spoilerfeed' ), [
						{ value: '', label: siteSetting },
						{ value: 'auto', label: __( 'The reader’s (light or dark)', 'spoilerfeed' ) },
						{ value: 'light', label: __( 'Light', 'spoilerfeed' ) },
						{ value: 'dark', label: __( 'Dark', 'spoilerfeed' ) },
					] ),
					text( 'lang', __( 'Language', 'spoilerfeed' ), __( 'A language tag such as de or pt-BR.', 'spoilerfeed' ) ),
					text( 'maxItems', __( 'Updates before “Show more”', 'spoilerfeed' ) ),
					text( 'refresh', __( 'Look for new posts every N seconds', 'spoilerfeed' ) ),
					text( 'maxSize', __( 'Largest feed read, in MiB', 'spoilerfeed' ) )
				)
			),
			el( ServerSideRender, { block: 'spoilerfeed/news', attributes } )
		);
	}

	blocks.registerBlockType( 'spoilerfeed/news', {
		edit: Edit,
		// Rendered on the server: the post keeps only the block's attributes.
		save: () => null,
	} );
} )( window.wp.blocks, window.wp.element, window.wp.blockEditor, window.wp.components, window.wp.serverSideRender, window.wp.i18n );

<?php
/**
 * The block, the shortcode and the scripts: where WordPress meets the element.
 *
 * @package Spoilerfeed
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * Registers the "Spoiler-safe news" block and the [spoilerfeed] shortcode, and writes the
 * <spoiler-feed> element with the bundle's scripts on the pages that show it.
 */
final class Spoilerfeed_Plugin {

	/** The handle of the element's module script (the bundle's spoiler-feed.js). */
	const ELEMENT = 'spoilerfeed-element';

	/** The handle of the block's editor script. */
	const EDITOR = 'spoilerfeed-editor';

	/** The handle of the stylesheet for the element's box on the page. */
	const STYLE = 'spoilerfeed-host';

	/** The handle of the bundle's stylesheet (spoilerfeed.css). */
	const BUNDLE_STYLE = 'spoilerfeed-bundle';

	/** Adds the plugin's hooks. */
	public static function hook() {
		add_action( 'init', array( __CLASS__, 'register' ) );
		add_filter( 'script_loader_tag', array( __CLASS__, 'module_tag' ), 10, 2 );
	}

	/** Registers the scripts, the style, the block and the shortcode. */
	public static function register() {
		load_plugin_textdomain( 'spoilerfeed', false, dirname( plugin_basename( SPOILERFEED_FILE ) ) . '/languages' );

		wp_register_script( self::ELEMENT, self::bundle_url( 'spoiler-feed.js' ), array(), SPOILERFEED_VERSION, true );
		// The element loads the bundle's stylesheet into its shadow root from the URL of its own
		// folder, without a query: the same URL here starts that download with the page's and
		// the shadow root finds it in the cache. Its rules are scoped (:host, .sf-*).
		wp_register_style( self::BUNDLE_STYLE, self::bundle_url( 'spoilerfeed.css' ), array(), null ); // phpcs:ignore WordPress.WP.EnqueuedResourceParameters.MissingVersion
		wp_register_style( self::STYLE, plugins_url( 'assets/spoilerfeed.css', SPOILERFEED_FILE ), array( self::BUNDLE_STYLE ), SPOILERFEED_VERSION );
		wp_register_script(
			self::EDITOR,
			plugins_url( 'block/editor.js', SPOILERFEED_FILE ),
			array( 'wp-blocks', 'wp-element', 'wp-block-editor', 'wp-components', 'wp-server-side-render', 'wp-i18n', self::ELEMENT ),
			SPOILERFEED_VERSION,
			true
		);
		wp_set_script_translations( self::EDITOR, 'spoilerfeed', plugin_dir_path( SPOILERFEED_FILE ) . 'languages' );

		register_block_type( plugin_dir_path( SPOILERFEED_FILE ) . 'block' );
		add_shortcode( 'spoilerfeed', array( __CLASS__, 'shortcode' ) );
	}

	/**
	 * The URL of a file of the release bundle shipped in build/.
	 *
	 * @param string $file File name in the bundle.
	 * @return string
	 */
	public static function bundle_url( $file ) {
		return plugins_url( 'build/' . $file, SPOILERFEED_FILE );
	}

	/**
	 * Prints the element's script as a module: `<script type="module">` (WordPress 6.1 has no
	 * script modules of its own).
	 *
	 * @param string $tag    The script tag WordPress wrote.
	 * @param string $handle The script's handle.
	 * @return string
	 */
	public static function module_tag( $tag, $handle ) {
		if ( self::ELEMENT !== $handle ) {
			return $tag;
		}
		$src = wp_scripts()->registered[ self::ELEMENT ]->src;
		$ver = wp_scripts()->registered[ self::ELEMENT ]->ver;
		$url = add_query_arg( 'ver', $ver, $src );
		return wp_get_script_tag(
			array(
				'type' => 'module',
				'src'  => esc_url( $url ),
				'id'   => self::ELEMENT . '-js',
			)
		) . "\n";
	}

	/**
	 * The [spoilerfeed] shortcode: [spoilerfeed level="mild" category="casting" lock-level="none"].
	 *
	 * @param array|string $atts The shortcode's attributes.
	 * @return string
	 */
	public static function shortcode( $atts ) {
		return self::render( is_array( $atts ) ? $atts : array() );
	}

	/**
	 * The block's markup (render.php calls this with the block's attributes).
	 *
	 * @param array $attributes The block's attributes.
	 * @return string
	 */
	public static function render_block( $attributes ) {
		$wrapper = function_exists( 'get_block_wrapper_attributes' ) ? get_block_wrapper_attributes() : '';
		return '<div ' . $wrapper . '>' . self::render( is_array( $attributes ) ? $attributes : array() ) . '</div>';
	}

	/**
	 * The <spoiler-feed> element for these options over the site's settings, its script and
	 * style enqueued.
	 *
	 * @param array $options A block's or shortcode's options.
	 * @return string
	 */
	public static function render( array $options ) {
		wp_enqueue_script( self::ELEMENT );
		wp_enqueue_style( self::STYLE );

		$overrides = Spoilerfeed_Attributes::overrides( $options );
		$feed      = self::feed_url( $overrides['category'] ?? '' );
		$html      = '<spoiler-feed';
		foreach ( self::attributes( $overrides, $feed ) as $name => $value ) {
			$escaped = 'src' === $name ? esc_url( $value ) : esc_attr( $value );
			$html   .= ' ' . $name . '="' . $escaped . '"';
		}
		return $html . '></spoiler-feed>';
	}

	/**
	 * The element's attributes for these options (Spoilerfeed_Attributes::overrides) and feed.
	 *
	 * @param array  $overrides Sanitised options.
	 * @param string $feed      The site's feed (or its category's).
	 * @return array
	 */
	public static function attributes( array $overrides, $feed ) {
		return Spoilerfeed_Attributes::element(
			Spoilerfeed_Settings::get(),
			$overrides,
			array(
				'feed'  => $feed,
				'lang'  => Spoilerfeed_Attributes::locale_to_bcp47( get_locale() ),
				'names' => self::term_names(),
			)
		);
	}

	/**
	 * The site's own feed (same origin: no CORS needed), or a category's by slug or name.
	 *
	 * @param string $category A category's slug or name, or ''.
	 * @return string
	 */
	public static function feed_url( $category ) {
		if ( '' !== $category ) {
			$term = get_term_by( 'slug', sanitize_title( $category ), 'category' );
			if ( ! $term ) {
				$term = get_term_by( 'name', $category, 'category' );
			}
			if ( $term ) {
				return get_category_feed_link( $term->term_id );
			}
		}
		return get_feed_link( 'rss2' );
	}

	/**
	 * The names of the site's categories and tags, by term id.
	 *
	 * @return array
	 */
	public static function term_names() {
		$terms = get_terms(
			array(
				'taxonomy'   => array( 'category', 'post_tag' ),
				'hide_empty' => false,
			)
		);
		$names = array();
		if ( is_array( $terms ) ) {
			foreach ( $terms as $term ) {
				$names[ $term->term_id ] = $term->name;
			}
		}
		return $names;
	}
}

<?php
/**
 * Settings → Spoilerfeed: the site's categories and tags as levels and kinds, the default and
 * locked levels, the language and the theme, through the Settings API.
 *
 * @package Spoilerfeed
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * The settings page and the one option it saves.
 */
final class Spoilerfeed_Settings {

	/** The page's slug and the settings group. */
	const PAGE = 'spoilerfeed';

	/** Adds the page's hooks. */
	public static function hook() {
		add_action( 'admin_init', array( __CLASS__, 'register' ) );
		add_action( 'admin_menu', array( __CLASS__, 'menu' ) );
		add_filter( 'plugin_action_links_' . plugin_basename( SPOILERFEED_FILE ), array( __CLASS__, 'action_links' ) );
	}

	/**
	 * The saved settings, completed with the defaults.
	 *
	 * @return array
	 */
	public static function get() {
		$saved = get_option( Spoilerfeed_Attributes::OPTION, array() );
		return array_merge( Spoilerfeed_Attributes::defaults(), is_array( $saved ) ? $saved : array() );
	}

	/** Registers the option with its sanitiser. */
	public static function register() {
		register_setting(
			self::PAGE,
			Spoilerfeed_Attributes::OPTION,
			array(
				'type'              => 'array',
				'sanitize_callback' => array( __CLASS__, 'sanitize' ),
				'default'           => Spoilerfeed_Attributes::defaults(),
			)
		);
	}

	/**
	 * The submitted settings, sanitised; the site's terms are the only ones kept.
	 *
	 * @param mixed $input The submitted option.
	 * @return array
	 */
	public static function sanitize( $input ) {
		$ids = get_terms(
			array(
				'taxonomy'   => array( 'category', 'post_tag' ),
				'hide_empty' => false,
				'fields'     => 'ids',
			)
		);
		$settings = Spoilerfeed_Attributes::sanitize_settings( $input, is_array( $ids ) ? $ids : array() );
		if ( '' !== $settings['feed'] ) {
			$settings['feed'] = esc_url_raw( $settings['feed'], array( 'http', 'https' ) );
		}
		return $settings;
	}

	/** Adds Settings → Spoilerfeed. */
	public static function menu() {
		add_options_page(
			__( 'Spoilerfeed', 'spoilerfeed' ),
			__( 'Spoilerfeed', 'spoilerfeed' ),
			'manage_options',
			self::PAGE,
			array( __CLASS__, 'page' )
		);
	}

	/**
	 * A "Settings" link on the Plugins screen.
	 *
	 * @param string[] $links The plugin's links.
	 * @return string[]
	 */
	public static function action_links( $links ) {
		$url = admin_url( 'options-general.php?page=' . self::PAGE );
		array_unshift( $links, '<a href="' . esc_url( $url ) . '">' . esc_html__( 'Settings', 'spoilerfeed' ) . '</a>' );
		return $links;
	}

	/**
	 * The names of the levels, for the page.
	 *
	 * @return array
	 */
	private static function level_names() {
		return array(
			'none'     => __( 'None: production, scheduling', 'spoilerfeed' ),
			'mild'     => __( 'Mild: cast, tone', 'spoilerfeed' ),
			'moderate' => __( 'Moderate: trailers, set-up', 'spoilerfeed' ),
			'major'    => __( 'Major: plot points, endings', 'spoilerfeed' ),
		);
	}

	/**
	 * The names of the kinds, for the page.
	 *
	 * @return array
	 */
	private static function kind_names() {
		return array(
			'production' => __( 'Production', 'spoilerfeed' ),
			'cast'       => __( 'Cast', 'spoilerfeed' ),
			'release'    => __( 'Release', 'spoilerfeed' ),
			'other'      => __( 'Other', 'spoilerfeed' ),
		);
	}

	/**
	 * A <select> of `$choices`, with `$empty` as the first, empty choice (if given).
	 *
	 * @param string      $name     The field's name.
	 * @param string      $id       The field's id.
	 * @param array       $choices  Value → label.
	 * @param string      $selected The current value.
	 * @param string|null $empty    The label of the empty choice.
	 */
	private static function select( $name, $id, array $choices, $selected, $empty = null ) {
		echo '<select name="' . esc_attr( $name ) . '" id="' . esc_attr( $id ) . '">';
		if ( null !== $empty ) {
			echo '<option value="">' . esc_html( $empty ) . '</option>';
		}
		foreach ( $choices as $value => $label ) {
			echo '<option value="' . esc_attr( $value ) . '"' . selected( $selected, $value, false ) . '>' . esc_html( $label ) . '</option>';
		}
		echo '</select>';
	}

	/** The settings page. */
	public static function page() {
		if ( ! current_user_can( 'manage_options' ) ) {
			return;
		}
		$settings = self::get();
		$option   = Spoilerfeed_Attributes::OPTION;
		$levels   = self::level_names();
		$themes   = array(
			'auto'  => __( 'The reader’s (light or dark)', 'spoilerfeed' ),
			'light' => __( 'Light', 'spoilerfeed' ),
			'dark'  => __( 'Dark', 'spoilerfeed' ),
		);
		echo '<div class="wrap"><h1>' . esc_html( get_admin_page_title() ) . '</h1>';
		echo '<p>' . esc_html__( 'Add the “Spoiler-safe news” block or the [spoilerfeed] shortcode to a page: it lists the site’s posts as cards, and hides every post above the reader’s spoiler level. These settings apply to every block and shortcode; each can override them.', 'spoilerfeed' ) . '</p>';
		echo '<form method="post" action="options.php">';
		settings_fields( self::PAGE );

		echo '<h2>' . esc_html__( 'Levels', 'spoilerfeed' ) . '</h2><table class="form-table" role="presentation">';
		echo '<tr><th scope="row"><label for="spoilerfeed-default-level">' . esc_html__( 'Posts without a mapped category', 'spoilerfeed' ) . '</label></th><td>';
		self::select( $option . '[default_level]', 'spoilerfeed-default-level', $levels, $settings['default_level'] );
		echo '<p class="description">' . esc_html__( 'What a post spoils when none of its categories or tags has a level. Major keeps unknowns hidden.', 'spoilerfeed' ) . '</p></td></tr>';
		echo '<tr><th scope="row"><label for="spoilerfeed-level">' . esc_html__( 'Starting level', 'spoilerfeed' ) . '</label></th><td>';
		self::select( $option . '[level]', 'spoilerfeed-level', $levels, $settings['level'], __( 'The reader’s last choice (None at first)', 'spoilerfeed' ) );
		echo '</td></tr>';
		echo '<tr><th scope="row"><label for="spoilerfeed-lock-level">' . esc_html__( 'Locked level', 'spoilerfeed' ) . '</label></th><td>';
		self::select( $option . '[lock_level]', 'spoilerfeed-lock-level', $levels, $settings['lock_level'], __( 'Not locked: readers choose', 'spoilerfeed' ) );
		echo '</td></tr></table>';

		self::terms_table( $settings );

		echo '<h2>' . esc_html__( 'Feed and look', 'spoilerfeed' ) . '</h2><table class="form-table" role="presentation">';
		echo '<tr><th scope="row"><label for="spoilerfeed-feed">' . esc_html__( 'Feed', 'spoilerfeed' ) . '</label></th><td>';
		echo '<input type="url" class="regular-text code" name="' . esc_attr( $option . '[feed]' ) . '" id="spoilerfeed-feed" value="' . esc_attr( $settings['feed'] ) . '" placeholder="' . esc_attr( get_feed_link( 'rss2' ) ) . '">';
		echo '<p class="description">' . esc_html__( 'Empty: this site’s own feed. A feed on another site must allow this site to read it (CORS).', 'spoilerfeed' ) . '</p></td></tr>';
		echo '<tr><th scope="row"><label for="spoilerfeed-lang">' . esc_html__( 'Language', 'spoilerfeed' ) . '</label></th><td>';
		echo '<input type="text" class="small-text" name="' . esc_attr( $option . '[lang]' ) . '" id="spoilerfeed-lang" value="' . esc_attr( $settings['lang'] ) . '" placeholder="' . esc_attr( Spoilerfeed_Attributes::locale_to_bcp47( get_locale() ) ) . '">';
		echo '<p class="description">' . esc_html__( 'A language tag such as de or pt-BR. Empty: the site’s language.', 'spoilerfeed' ) . '</p></td></tr>';
		echo '<tr><th scope="row"><label for="spoilerfeed-theme">' . esc_html__( 'Theme', 'spoilerfeed' ) . '</label></th><td>';
		self::select( $option . '[theme]', 'spoilerfeed-theme', $themes, $settings['theme'] );
		echo '</td></tr></table>';

		submit_button();
		echo '</form>';
		self::check_link();
		echo '</div>';
	}

	/**
	 * The table of the site's categories and tags, each with a level and a kind.
	 *
	 * @param array $settings The saved settings.
	 */
	private static function terms_table( array $settings ) {
		$option = Spoilerfeed_Attributes::OPTION;
		echo '<h2>' . esc_html__( 'Categories and tags', 'spoilerfeed' ) . '</h2>';
		echo '<p>' . esc_html__( 'How much the posts of each category or tag spoil, and what kind of news they are. A post with several takes the most spoiling level.', 'spoilerfeed' ) . '</p>';
		$taxonomies = array(
			'category' => __( 'Category', 'spoilerfeed' ),
			'post_tag' => __( 'Tag', 'spoilerfeed' ),
		);
		$terms      = get_terms(
			array(
				'taxonomy'   => array_keys( $taxonomies ),
				'hide_empty' => false,
			)
		);
		if ( ! is_array( $terms ) || array() === $terms ) {
			echo '<p><em>' . esc_html__( 'The site has no categories or tags yet.', 'spoilerfeed' ) . '</em></p>';
			return;
		}
		echo '<table class="widefat striped spoilerfeed-terms"><thead><tr><th scope="col">' . esc_html__( 'Name', 'spoilerfeed' ) . '</th><th scope="col">' . esc_html__( 'Type', 'spoilerfeed' ) . '</th><th scope="col">' . esc_html__( 'Posts', 'spoilerfeed' ) . '</th><th scope="col">' . esc_html__( 'Level', 'spoilerfeed' ) . '</th><th scope="col">' . esc_html__( 'Kind', 'spoilerfeed' ) . '</th></tr></thead><tbody>';
		foreach ( $terms as $term ) {
			$id     = (int) $term->term_id;
			$choice = $settings['terms'][ $id ] ?? array();
			$name   = $option . '[terms][' . $id . ']';
			echo '<tr><th scope="row">' . esc_html( $term->name ) . '</th><td>' . esc_html( $taxonomies[ $term->taxonomy ] ?? $term->taxonomy ) . '</td><td>' . esc_html( number_format_i18n( (int) $term->count ) ) . '</td><td>';
			/* translators: %s: a category's or tag's name. */
			echo '<label class="screen-reader-text" for="spoilerfeed-level-' . esc_attr( (string) $id ) . '">' . esc_html( sprintf( __( 'Level of %s', 'spoilerfeed' ), $term->name ) ) . '</label>';
			self::select( $name . '[level]', 'spoilerfeed-level-' . $id, self::level_names(), $choice['level'] ?? '', __( 'Not mapped', 'spoilerfeed' ) );
			echo '</td><td>';
			/* translators: %s: a category's or tag's name. */
			echo '<label class="screen-reader-text" for="spoilerfeed-kind-' . esc_attr( (string) $id ) . '">' . esc_html( sprintf( __( 'Kind of %s', 'spoilerfeed' ), $term->name ) ) . '</label>';
			self::select( $name . '[kind]', 'spoilerfeed-kind-' . $id, self::kind_names(), $choice['kind'] ?? '', __( 'Not mapped', 'spoilerfeed' ) );
			echo '</td></tr>';
		}
		echo '</tbody></table>';
	}

	/** A link to the widget's check page for the site's feed with these settings. */
	private static function check_link() {
		$attributes = Spoilerfeed_Plugin::attributes( array(), Spoilerfeed_Plugin::feed_url( '' ) );
		$query      = array(
			'check' => '1',
			'feed'  => $attributes['src'] ?? '',
		);
		foreach ( array( 'tag-levels', 'tag-kinds', 'default-level', 'lang' ) as $name ) {
			if ( isset( $attributes[ $name ] ) ) {
				$query[ $name ] = $attributes[ $name ];
			}
		}
		$url = Spoilerfeed_Plugin::bundle_url( 'index.html' ) . '?' . http_build_query( $query, '', '&', PHP_QUERY_RFC3986 );
		echo '<h2>' . esc_html__( 'Check the feed', 'spoilerfeed' ) . '</h2>';
		echo '<p>' . esc_html__( 'The check page shows what the widget makes of the feed with these settings: every post’s level and kind, and why.', 'spoilerfeed' ) . '</p>';
		echo '<p><a class="button" id="spoilerfeed-check" href="' . esc_url( $url ) . '">' . esc_html__( 'Check the feed', 'spoilerfeed' ) . '</a></p>';
	}
}

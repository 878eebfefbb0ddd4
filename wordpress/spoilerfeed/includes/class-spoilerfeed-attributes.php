<?php
/**
 * The plugin's settings and a block's or shortcode's options, sanitised and turned into the
 * attributes of the <spoiler-feed> element. Plain PHP: no WordPress function is called, so
 * PHPUnit tests it without a site.
 *
 * @package Spoilerfeed
 */

if ( ! defined( 'ABSPATH' ) && ! defined( 'SPOILERFEED_TESTING' ) ) {
	exit;
}

/**
 * Settings → element attributes, and the sanitising of every value on the way in.
 */
final class Spoilerfeed_Attributes {

	/** The spoiler levels, least spoiling first. */
	const LEVELS = array( 'none', 'mild', 'moderate', 'major' );

	/** The kinds of update. */
	const KINDS = array( 'production', 'cast', 'release', 'other' );

	/** The colour schemes. */
	const THEMES = array( 'auto', 'light', 'dark' );

	/** The attributes <spoiler-feed> reads, in the order they are written (config::ATTRIBUTES). */
	const ATTRIBUTES = array(
		'src',
		'level',
		'kinds',
		'show',
		'theme',
		'lock-level',
		'max-items',
		'max-size',
		'refresh',
		'progress',
		'tag-levels',
		'tag-kinds',
		'default-level',
		'mute',
		'lang',
	);

	/** The name of the plugin's option. */
	const OPTION = 'spoilerfeed_settings';

	/**
	 * The settings of a site that has saved none: the site's own feed, every update that says
	 * nothing and has no mapped category counted as Major (fail closed), no locked level, the
	 * site's language, the reader's colour scheme.
	 *
	 * @return array
	 */
	public static function defaults() {
		return array(
			'feed'          => '',
			'default_level' => 'major',
			'level'         => '',
			'lock_level'    => '',
			'lang'          => '',
			'theme'         => 'auto',
			'terms'         => array(),
		);
	}

	/**
	 * A level's name, or '' for anything else (an empty or unknown value never guesses).
	 *
	 * @param mixed $value Submitted value.
	 * @return string
	 */
	public static function level( $value ) {
		return self::one_of( $value, self::LEVELS );
	}

	/**
	 * A kind's name, or ''.
	 *
	 * @param mixed $value Submitted value.
	 * @return string
	 */
	public static function kind( $value ) {
		return self::one_of( $value, self::KINDS );
	}

	/**
	 * A theme's name, or ''.
	 *
	 * @param mixed $value Submitted value.
	 * @return string
	 */
	public static function theme( $value ) {
		return self::one_of( $value, self::THEMES );
	}

	/**
	 * A comma-separated list of kinds, unknown ones dropped: "Cast, release".
	 *
	 * @param mixed $value Submitted value.
	 * @return string
	 */
	public static function kinds( $value ) {
		$kinds = array();
		foreach ( explode( ',', self::text( $value ) ) as $kind ) {
			$kind = self::kind( $kind );
			if ( '' !== $kind && ! in_array( $kind, $kinds, true ) ) {
				$kinds[] = $kind;
			}
		}
		return implode( ',', $kinds );
	}

	/**
	 * A BCP 47 language tag ("pt-BR"), or '' for what isn't one.
	 *
	 * @param mixed $value Submitted value.
	 * @return string
	 */
	public static function lang( $value ) {
		$tag = str_replace( '_', '-', self::text( $value ) );
		if ( 1 !== preg_match( '/^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/', $tag ) ) {
			return '';
		}
		return $tag;
	}

	/**
	 * A WordPress locale as a BCP 47 tag: de_DE → de-DE, pt_BR → pt-BR, zh_Hant_TW →
	 * zh-Hant-TW; WordPress's own variants (de_DE_formal, nl_NL_formal) have no BCP 47 form
	 * and are dropped.
	 *
	 * @param string $locale A locale such as get_locale() gives.
	 * @return string
	 */
	public static function locale_to_bcp47( $locale ) {
		$parts = explode( '_', self::text( $locale ) );
		$lang  = strtolower( array_shift( $parts ) );
		if ( 1 !== preg_match( '/^[a-z]{2,3}$/', $lang ) ) {
			return '';
		}
		$tag = array( $lang );
		foreach ( $parts as $part ) {
			if ( 1 === preg_match( '/^[A-Za-z]{4}$/', $part ) && 1 === count( $tag ) ) {
				$tag[] = ucfirst( strtolower( $part ) );
			} elseif ( 1 === preg_match( '/^([A-Za-z]{2}|[0-9]{3})$/', $part ) ) {
				$tag[] = strtoupper( $part );
				break;
			} else {
				break;
			}
		}
		return implode( '-', $tag );
	}

	/**
	 * A whole number from 1 to `$max` as text, or ''.
	 *
	 * @param mixed $value Submitted value.
	 * @param int   $max   The largest allowed.
	 * @return string
	 */
	public static function count( $value, $max = 100000 ) {
		$text = self::text( $value );
		if ( 1 !== preg_match( '/^[0-9]{1,9}$/', $text ) ) {
			return '';
		}
		$number = (int) $text;
		return ( $number >= 1 && $number <= $max ) ? (string) $number : '';
	}

	/**
	 * A size in MiB as the widget reads it ("5", "2.5"), or ''.
	 *
	 * @param mixed $value Submitted value.
	 * @return string
	 */
	public static function size( $value ) {
		$text = self::text( $value );
		return 1 === preg_match( '/^[0-9]{1,4}(\.[0-9]{1,3})?$/', $text ) && (float) $text > 0 ? $text : '';
	}

	/**
	 * Watch progress as the widget reads it (S4E7, S4, all, aired-7d), or ''.
	 *
	 * @param mixed $value Submitted value.
	 * @return string
	 */
	public static function progress( $value ) {
		$text = self::text( $value );
		return 1 === preg_match( '/^(all|S[0-9]{1,3}(E[0-9]{1,4})?\+?|aired-[0-9]{1,3}d)$/i', $text ) ? $text : '';
	}

	/**
	 * A feed address: http(s) absolute, protocol-relative or a path on the site; '' else.
	 * (WordPress's esc_url then escapes it for the page.)
	 *
	 * @param mixed $value Submitted value.
	 * @return string
	 */
	public static function url( $value ) {
		$url = self::text( $value );
		if ( '' === $url || 1 === preg_match( '/[\s<>"]/', $url ) ) {
			return '';
		}
		if ( 1 === preg_match( '#^https?://[^/?\#]+#i', $url ) || 1 === preg_match( '#^/[^/]|^/$|^//[^/]#', $url ) || '?' === $url[0] ) {
			return $url;
		}
		return '';
	}

	/**
	 * One line of text: trimmed, control characters removed, at most 500 characters.
	 *
	 * @param mixed $value Submitted value.
	 * @return string
	 */
	public static function text( $value ) {
		if ( ! is_scalar( $value ) ) {
			return '';
		}
		$text = preg_replace( '/[\x00-\x1F\x7F]+/u', ' ', (string) $value );
		if ( null === $text ) {
			return '';
		}
		$text = trim( $text );
		if ( function_exists( 'mb_substr' ) ) {
			return mb_substr( $text, 0, 500, 'UTF-8' );
		}
		return substr( $text, 0, 500 );
	}

	/**
	 * The saved settings from what the settings form sent. Categories and tags are kept only
	 * when the site has them (`$term_ids`) and a level or kind was chosen for them.
	 *
	 * @param mixed $input    The submitted option (an array from the form).
	 * @param int[] $term_ids The ids of the site's categories and tags.
	 * @return array
	 */
	public static function sanitize_settings( $input, array $term_ids ) {
		$input    = is_array( $input ) ? $input : array();
		$settings = self::defaults();
		$get      = function ( $key ) use ( $input ) {
			return isset( $input[ $key ] ) ? $input[ $key ] : '';
		};

		$settings['feed']       = self::url( $get( 'feed' ) );
		$settings['level']      = self::level( $get( 'level' ) );
		$settings['lock_level'] = self::level( $get( 'lock_level' ) );
		$settings['lang']       = self::lang( $get( 'lang' ) );
		$settings['theme']      = '' === self::theme( $get( 'theme' ) ) ? 'auto' : self::theme( $get( 'theme' ) );
		// Fail closed: only a level the owner picked makes unlabelled updates less spoiling.
		$default                   = self::level( $get( 'default_level' ) );
		$settings['default_level'] = '' === $default ? 'major' : $default;

		$known = array_map( 'intval', $term_ids );
		$terms = is_array( $input['terms'] ?? null ) ? $input['terms'] : array();
		foreach ( $terms as $id => $choice ) {
			$id = (int) $id;
			if ( ! in_array( $id, $known, true ) || ! is_array( $choice ) ) {
				continue;
			}
			$level = self::level( $choice['level'] ?? '' );
			$kind  = self::kind( $choice['kind'] ?? '' );
			if ( '' !== $level || '' !== $kind ) {
				$settings['terms'][ $id ] = array(
					'level' => $level,
					'kind'  => $kind,
				);
			}
		}
		ksort( $settings['terms'] );
		return $settings;
	}

	/**
	 * The `tag:value, tag:value` list of the widget for the site's terms, by name as the
	 * feed writes them (entities decoded). A name with a comma can't be written in the list and
	 * is left out (its updates take the default level).
	 *
	 * @param array  $settings Saved settings (sanitize_settings).
	 * @param array  $names    Term names by term id.
	 * @param string $field    'level' or 'kind'.
	 * @return string
	 */
	public static function tag_map( array $settings, array $names, $field ) {
		$pairs = array();
		$terms = isset( $settings['terms'] ) && is_array( $settings['terms'] ) ? $settings['terms'] : array();
		foreach ( $terms as $id => $choice ) {
			if ( ! isset( $names[ $id ] ) || empty( $choice[ $field ] ) ) {
				continue;
			}
			$name = trim( html_entity_decode( (string) $names[ $id ], ENT_QUOTES | ENT_HTML5, 'UTF-8' ) );
			if ( '' === $name || false !== strpos( $name, ',' ) ) {
				continue;
			}
			$pairs[] = $name . ':' . $choice[ $field ];
		}
		return implode( ', ', $pairs );
	}

	/**
	 * A block's or shortcode's options, by attribute name (`max-items`, or the block's
	 * `maxItems`), sanitised; what is empty or invalid is left out.
	 *
	 * @param array $options Options as given.
	 * @return array Attribute name → value.
	 */
	public static function overrides( array $options ) {
		$given = array();
		foreach ( $options as $key => $value ) {
			$name = strtolower( (string) preg_replace( '/([a-z])([A-Z])/', '$1-$2', (string) $key ) );
			$name = str_replace( '_', '-', $name );
			if ( in_array( $name, self::ATTRIBUTES, true ) || 'category' === $name ) {
				$given[ $name ] = $value;
			}
		}
		$clean = array(
			'src'           => self::url( $given['src'] ?? '' ),
			'level'         => self::level( $given['level'] ?? '' ),
			'kinds'         => self::kinds( $given['kinds'] ?? '' ),
			'show'          => self::text( $given['show'] ?? '' ),
			'theme'         => self::theme( $given['theme'] ?? '' ),
			'lock-level'    => self::level( $given['lock-level'] ?? '' ),
			'max-items'     => self::count( $given['max-items'] ?? '' ),
			'max-size'      => self::size( $given['max-size'] ?? '' ),
			'refresh'       => self::count( $given['refresh'] ?? '', 86400 * 7 ),
			'progress'      => self::progress( $given['progress'] ?? '' ),
			'tag-levels'    => self::text( $given['tag-levels'] ?? '' ),
			'tag-kinds'     => self::text( $given['tag-kinds'] ?? '' ),
			'default-level' => self::level( $given['default-level'] ?? '' ),
			'mute'          => self::text( $given['mute'] ?? '' ),
			'lang'          => self::lang( $given['lang'] ?? '' ),
			'category'      => self::text( $given['category'] ?? '' ),
		);
		return array_filter(
			$clean,
			function ( $value ) {
				return '' !== $value;
			}
		);
	}

	/**
	 * The element's attributes, in ATTRIBUTES order: the site's settings, then a block's or
	 * shortcode's own (already through `overrides`) on top. The element's maps are the site's
	 * followed by the block's, and the widget keeps a tag's last value, so the block's entries win
	 * tag by tag.
	 *
	 * @param array  $settings  Saved settings (sanitize_settings).
	 * @param array  $overrides The block's or shortcode's options (overrides()).
	 * @param array  $site      'feed' (the site's feed URL), 'lang' (the site's BCP 47 tag),
	 *                          'names' (term names by id).
	 * @return array Attribute name → value, only those with a value.
	 */
	public static function element( array $settings, array $overrides, array $site ) {
		$settings = array_merge( self::defaults(), $settings );
		$names    = isset( $site['names'] ) ? $site['names'] : array();
		$feed     = '' !== $settings['feed'] ? $settings['feed'] : ( $site['feed'] ?? '' );
		$lang     = '' !== $settings['lang'] ? $settings['lang'] : ( $site['lang'] ?? '' );

		$attributes = array(
			'src'           => $feed,
			'level'         => $settings['level'],
			'theme'         => 'auto' === $settings['theme'] ? '' : $settings['theme'],
			'lock-level'    => $settings['lock_level'],
			'tag-levels'    => self::tag_map( $settings, $names, 'level' ),
			'tag-kinds'     => self::tag_map( $settings, $names, 'kind' ),
			'default-level' => $settings['default_level'],
			'lang'          => $lang,
		);
		foreach ( $overrides as $name => $value ) {
			if ( ! in_array( $name, self::ATTRIBUTES, true ) ) {
				continue;
			}
			$joined              = ( 'tag-levels' === $name || 'tag-kinds' === $name ) && '' !== ( $attributes[ $name ] ?? '' );
			$attributes[ $name ] = $joined ? $attributes[ $name ] . ', ' . $value : $value;
		}

		$ordered = array();
		foreach ( self::ATTRIBUTES as $name ) {
			if ( isset( $attributes[ $name ] ) && '' !== $attributes[ $name ] ) {
				$ordered[ $name ] = (string) $attributes[ $name ];
			}
		}
		return $ordered;
	}

	/**
	 * `$value` if it is one of `$allowed` (compared without case and surrounding space), else ''.
	 *
	 * @param mixed    $value   Submitted value.
	 * @param string[] $allowed Allowed values.
	 * @return string
	 */
	private static function one_of( $value, array $allowed ) {
		$value = strtolower( self::text( $value ) );
		return in_array( $value, $allowed, true ) ? $value : '';
	}
}

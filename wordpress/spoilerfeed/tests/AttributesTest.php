<?php
/**
 * The settings → attributes mapping and the sanitising of what owners and authors type.
 *
 * @package Spoilerfeed
 */

use PHPUnit\Framework\TestCase;

final class AttributesTest extends TestCase {

	const SITE = array(
		'feed'  => 'http://fans.example/?feed=rss2',
		'lang'  => 'de-DE',
		'names' => array(
			3 => 'Production',
			4 => 'Casting',
			5 => 'Spoilers',
			6 => 'Behind &amp; the scenes',
			7 => 'Cast, crew',
		),
	);

	public function test_unsaved_settings_fail_closed_on_the_sites_own_feed(): void {
		$attributes = Spoilerfeed_Attributes::element( array(), array(), self::SITE );
		$this->assertSame(
			array(
				'src'           => 'http://fans.example/?feed=rss2',
				'default-level' => 'major',
				'lang'          => 'de-DE',
			),
			$attributes
		);
	}

	public function test_categories_become_the_tag_maps_by_name(): void {
		$settings = Spoilerfeed_Attributes::sanitize_settings(
			array(
				'default_level' => 'moderate',
				'terms'         => array(
					'3' => array( 'level' => 'none', 'kind' => 'production' ),
					'4' => array( 'level' => 'Mild', 'kind' => 'cast' ),
					'5' => array( 'level' => 'major', 'kind' => '' ),
					'6' => array( 'level' => 'none', 'kind' => 'other' ),
				),
			),
			array( 3, 4, 5, 6, 7 )
		);
		$attributes = Spoilerfeed_Attributes::element( $settings, array(), self::SITE );
		$this->assertSame( 'Production:none, Casting:mild, Spoilers:major, Behind & the scenes:none', $attributes['tag-levels'] );
		$this->assertSame( 'Production:production, Casting:cast, Behind & the scenes:other', $attributes['tag-kinds'] );
		$this->assertSame( 'moderate', $attributes['default-level'] );
		$this->assertSame( array( 'src', 'tag-levels', 'tag-kinds', 'default-level', 'lang' ), array_keys( $attributes ) );
	}

	public function test_a_name_with_a_comma_is_left_out_of_the_map(): void {
		$settings = array( 'terms' => array( 7 => array( 'level' => 'none', 'kind' => 'cast' ) ) );
		$this->assertSame( '', Spoilerfeed_Attributes::tag_map( $settings, self::SITE['names'], 'level' ) );
	}

	public function test_only_the_sites_terms_and_chosen_values_are_saved(): void {
		$settings = Spoilerfeed_Attributes::sanitize_settings(
			array(
				'terms' => array(
					'3'  => array( 'level' => 'none', 'kind' => 'bogus' ),
					'4'  => array( 'level' => '', 'kind' => '' ),
					'99' => array( 'level' => 'none', 'kind' => 'cast' ),
					'5'  => 'major',
				),
			),
			array( 3, 4, 5 )
		);
		$this->assertSame( array( 3 => array( 'level' => 'none', 'kind' => '' ) ), $settings['terms'] );
	}

	public function test_unknown_or_missing_values_never_lower_the_default_level(): void {
		foreach ( array( array(), array( 'default_level' => 'nothing' ), array( 'default_level' => '' ), 'not an array', array( 'default_level' => array( 'none' ) ) ) as $input ) {
			$settings = Spoilerfeed_Attributes::sanitize_settings( $input, array() );
			$this->assertSame( 'major', $settings['default_level'], var_export( $input, true ) );
			$this->assertSame( '', $settings['lock_level'] );
			$this->assertSame( 'auto', $settings['theme'] );
		}
	}

	public function test_settings_are_sanitised(): void {
		$settings = Spoilerfeed_Attributes::sanitize_settings(
			array(
				'feed'       => 'javascript:alert(1)',
				'lock_level' => 'NONE ',
				'lang'       => 'pt_BR',
				'theme'      => 'dark',
				'level'      => '"><script>',
			),
			array()
		);
		$this->assertSame( '', $settings['feed'] );
		$this->assertSame( 'none', $settings['lock_level'] );
		$this->assertSame( 'pt-BR', $settings['lang'] );
		$this->assertSame( 'dark', $settings['theme'] );
		$this->assertSame( '', $settings['level'] );
	}

	public function test_a_block_overrides_the_site_and_adds_to_its_maps(): void {
		$settings   = array(
			'lock_level' => 'none',
			'theme'      => 'light',
			'lang'       => 'fr',
			'terms'      => array( 4 => array( 'level' => 'mild', 'kind' => 'cast' ) ),
		);
		$overrides  = Spoilerfeed_Attributes::overrides(
			array(
				'lockLevel' => 'moderate',
				'theme'     => 'dark',
				'tagLevels' => 'casting:moderate',
				'maxItems'  => '20',
				'src'       => 'https://other.example/feed.json',
				'lang'      => 'es',
				'unknown'   => 'x',
			)
		);
		$attributes = Spoilerfeed_Attributes::element( $settings, $overrides, self::SITE );
		$this->assertSame( 'https://other.example/feed.json', $attributes['src'] );
		$this->assertSame( 'moderate', $attributes['lock-level'] );
		$this->assertSame( 'dark', $attributes['theme'] );
		$this->assertSame( 'es', $attributes['lang'] );
		$this->assertSame( '20', $attributes['max-items'] );
		// The widget keeps a tag's last value: the block's.
		$this->assertSame( 'Casting:mild, casting:moderate', $attributes['tag-levels'] );
		$this->assertArrayNotHasKey( 'unknown', $attributes );
	}

	public function test_shortcode_options_are_read_by_attribute_name_and_checked(): void {
		$overrides = Spoilerfeed_Attributes::overrides(
			array(
				'level'         => 'MILD',
				'lock-level'    => 'all of them',
				'default_level' => 'none',
				'kinds'         => 'cast, bogus, Release, cast',
				'max-items'     => '-3',
				'max-size'      => '2.5',
				'refresh'       => '300',
				'progress'      => 's4e7',
				'category'      => 'casting',
				'show'          => "\"><script>alert(1)</script>\n",
			)
		);
		$this->assertSame(
			array(
				'level'         => 'mild',
				'kinds'         => 'cast,release',
				'show'          => '"><script>alert(1)</script>',
				'max-size'      => '2.5',
				'refresh'       => '300',
				'progress'      => 's4e7',
				'default-level' => 'none',
				'category'      => 'casting',
			),
			$overrides
		);
		// The category picks the feed; it is no attribute of the element.
		$this->assertArrayNotHasKey( 'category', Spoilerfeed_Attributes::element( array(), $overrides, self::SITE ) );
	}

	public function test_feed_addresses(): void {
		foreach ( array( 'https://fans.example/feed/', 'http://127.0.0.1:8080/?feed=rss2', '/feed/', '?feed=rss2', '//cdn.example/feed.json' ) as $url ) {
			$this->assertSame( $url, Spoilerfeed_Attributes::url( $url ) );
		}
		foreach ( array( 'javascript:alert(1)', 'data:text/html,x', 'ftp://x.example/', 'feed/"onload="x', 'https://', '', 'file:///etc/passwd' ) as $url ) {
			$this->assertSame( '', Spoilerfeed_Attributes::url( $url ), $url );
		}
	}

	public function test_locales_as_language_tags(): void {
		$cases = array(
			'de_DE'        => 'de-DE',
			'pt_BR'        => 'pt-BR',
			'en_US'        => 'en-US',
			'fr_FR'        => 'fr-FR',
			'ja'           => 'ja',
			'de_DE_formal' => 'de-DE',
			'zh_Hant_TW'   => 'zh-Hant-TW',
			'es_419'       => 'es-419',
			''             => '',
			'1_2'          => '',
		);
		foreach ( $cases as $locale => $tag ) {
			$this->assertSame( $tag, Spoilerfeed_Attributes::locale_to_bcp47( (string) $locale ), (string) $locale );
		}
	}

	public function test_language_tags(): void {
		$this->assertSame( 'pt-BR', Spoilerfeed_Attributes::lang( ' pt-BR ' ) );
		$this->assertSame( 'de-AT', Spoilerfeed_Attributes::lang( 'de_AT' ) );
		$this->assertSame( '', Spoilerfeed_Attributes::lang( 'x' ) );
		$this->assertSame( '', Spoilerfeed_Attributes::lang( 'de"><' ) );
	}
}

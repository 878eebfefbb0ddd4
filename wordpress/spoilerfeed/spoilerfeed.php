<?php
/**
 * Plugin Name:       Spoilerfeed
 * Plugin URI:        https://github.com/spoilerfeed/spoilerfeed
 * Description:       Spoiler-safe news: the site's posts as cards, with its categories and tags as spoiler levels. A block, a [spoilerfeed] shortcode and a settings page.
 * Version:           0.1.0
 * Requires at least: 6.1
 * Requires PHP:      7.4
 * Author:            The spoilerfeed authors
 * License:           MIT
 * License URI:       https://opensource.org/licenses/MIT
 * Text Domain:       spoilerfeed
 *
 * @package Spoilerfeed
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

define( 'SPOILERFEED_VERSION', '0.1.0' );
define( 'SPOILERFEED_FILE', __FILE__ );

require_once __DIR__ . '/includes/class-spoilerfeed-attributes.php';
require_once __DIR__ . '/includes/class-spoilerfeed-plugin.php';
require_once __DIR__ . '/includes/class-spoilerfeed-settings.php';

Spoilerfeed_Plugin::hook();
Spoilerfeed_Settings::hook();

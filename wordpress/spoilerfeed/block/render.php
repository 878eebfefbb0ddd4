<?php
/**
 * The "Spoiler-safe news" block, rendered on the server: the saved post holds only the block's
 * comment and attributes.
 *
 * @package Spoilerfeed
 *
 * @var array $attributes The block's attributes.
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

echo Spoilerfeed_Plugin::render_block( $attributes ); // phpcs:ignore WordPress.Security.EscapeOutput -- every attribute is escaped in render().

<?php
/**
 * Loads the plugin's plain-PHP parts without WordPress.
 *
 * @package Spoilerfeed
 */

error_reporting( E_ALL );
define( 'SPOILERFEED_TESTING', true );
require_once dirname( __DIR__ ) . '/includes/class-spoilerfeed-attributes.php';

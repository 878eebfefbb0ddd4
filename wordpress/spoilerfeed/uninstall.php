<?php
/**
 * Removes the plugin's option when the plugin is deleted.
 *
 * @package Spoilerfeed
 */

if ( ! defined( 'WP_UNINSTALL_PLUGIN' ) ) {
	exit;
}

delete_option( 'spoilerfeed_settings' );
delete_site_option( 'spoilerfeed_settings' );

<?php
/* Step 1: wp_install() into the empty database, then strip the default content. */
require __DIR__ . '/bootstrap.php';
define( 'WP_INSTALLING', true );
require '/usr/share/wordpress/wp-load.php';
/* No mail on this machine: skip the "new site" notification (a pluggable function). */
function wp_new_blog_notification( $blog_title, $blog_url, $user_id, $password ) {}
require_once ABSPATH . 'wp-admin/includes/upgrade.php';

if ( is_blog_installed() ) {
	fwrite( STDERR, "database is not empty\n" );
	exit( 1 );
}
$r = wp_install( 'Orbital Notes', 'rzimmerman', 'zimmerman@example.com', true, '', 'fora-sample-password', 'en_US' );

/* Remove "Hello world!", "Sample Page", the privacy-policy draft and the sample comment,
 * and reset the auto-increment counters so ids are small and stable. */
global $wpdb;
foreach ( array( $wpdb->posts, $wpdb->postmeta, $wpdb->comments, $wpdb->commentmeta, $wpdb->term_relationships ) as $t ) {
	$wpdb->query( "TRUNCATE TABLE $t" );
}
$wpdb->query( "UPDATE $wpdb->term_taxonomy SET count = 0" );
update_option( 'wp_page_for_privacy_policy', 0 );
echo "installed WordPress {$GLOBALS['wp_version']}\n";

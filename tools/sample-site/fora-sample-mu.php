<?php
/**
 * Plugin Name: fora sample site
 * Description: Must-use plugin installed by tools/sample-site/generate.sh. Adds
 * "Disallow: /private-notes/" to WordPress's virtual robots.txt (User-agent: * group).
 */
add_filter(
	'robots_txt',
	function ( $output, $public ) {
		$allow = "Allow: /wp-admin/admin-ajax.php\n";
		$extra = "Disallow: /private-notes/\n";
		if ( false !== strpos( $output, $allow ) ) {
			return str_replace( $allow, $allow . $extra, $output );
		}
		return $output . $extra;
	},
	10,
	2
);

/* Keep the saved pages small: drop two blocks of boilerplate that WordPress 6.1 inlines
 * into every page (the emoji loader script/style and the ~11 KB "global styles" CSS
 * custom properties). A common tweak on real sites; it changes nothing in the content. */
remove_action( 'wp_head', 'print_emoji_detection_script', 7 );
remove_action( 'wp_print_styles', 'print_emoji_styles' );
remove_action( 'wp_enqueue_scripts', 'wp_enqueue_global_styles' );
remove_action( 'wp_footer', 'wp_enqueue_global_styles', 1 );

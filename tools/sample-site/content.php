<?php
/* Step 2: settings, theme, users, terms, posts, comments, the private page and the menu.
 * Everything is inserted in a fixed order with fixed dates, so ids and output are stable. */
require __DIR__ . '/bootstrap.php';
require '/usr/share/wordpress/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/upgrade.php';
require_once ABSPATH . 'wp-admin/includes/taxonomy.php';
require __DIR__ . '/data.php';

function fail( $msg ) {
	fwrite( STDERR, "content.php: $msg\n" );
	exit( 1 );
}
function check_text( $where, $text ) {
	/* ASCII quotes, '--' and '...' would be changed by wptexturize() when rendered. */
	$plain = preg_replace( '/<[^>]*>/', '', $text );
	if ( preg_match( '/["\']|--|\.\.\./', $plain ) ) {
		fwrite( STDERR, "warning: ASCII punctuation wptexturize() would change in $where\n" );
	}
}

/* ---- settings */
$options = array(
	'blogname'                     => 'Orbital Notes',
	'blogdescription'              => 'Spaceflight, science, and the books about them',
	'timezone_string'              => 'America/Denver',
	'gmt_offset'                   => '',
	'date_format'                  => 'F j, Y',
	'time_format'                  => 'g:i a',
	'start_of_week'                => 1,
	'posts_per_page'               => 3,
	'posts_per_rss'                => 10,
	'rss_use_excerpt'              => 0,
	'show_on_front'                => 'posts',
	'blog_public'                  => 1,
	'use_smilies'                  => 0,
	'default_pingback_flag'        => 0,
	'default_ping_status'          => 'closed',
	'default_comment_status'       => 'open',
	'comment_moderation'           => 0,
	'comment_previously_approved'  => 0,
	'comment_registration'         => 0,
	'require_name_email'           => 1,
	'close_comments_for_old_posts' => 0,
	'comment_max_links'            => 10,
	'thread_comments'              => 1,
	'thread_comments_depth'        => 5,
	'page_comments'                => 1,
	'comments_per_page'            => 5,
	'default_comments_page'        => 'oldest',
	'comment_order'                => 'asc',
	'show_avatars'                 => 1,
	'fresh_site'                   => 0,
);
foreach ( $options as $k => $v ) {
	update_option( $k, $v );
}

/* ---- classic theme */
$theme = wp_get_theme( 'twentytwentyone' );
if ( ! $theme->exists() || $theme->is_block_theme() ) {
	fail( 'twentytwentyone missing or not a classic theme' );
}
switch_theme( 'twentytwentyone' );

/* ---- permalinks */
global $wp_rewrite;
$wp_rewrite->set_permalink_structure( '/%year%/%monthnum%/%day%/%postname%/' );
$wp_rewrite->set_category_base( '' );
$wp_rewrite->set_tag_base( '' );
$wp_rewrite->flush_rules( false );

/* ---- users */
$users = array();
$admin = get_user_by( 'login', 'rzimmerman' );
wp_update_user(
	array(
		'ID'           => $admin->ID,
		'first_name'   => 'Robert',
		'last_name'    => 'Zimmerman',
		'display_name' => 'Robert Zimmerman',
		'nickname'     => 'Robert Zimmerman',
		'user_nicename' => 'robert-zimmerman',
	)
);
global $wpdb;
$wpdb->update( $wpdb->users, array( 'user_registered' => '2019-01-01 00:00:00' ), array( 'ID' => $admin->ID ) );
$users['Robert Zimmerman'] = $admin->ID;
$uid = wp_insert_user(
	array(
		'user_login'      => 'dwhitfield',
		'user_pass'       => 'fora-sample-password',
		'user_email'      => 'dana@example.com',
		'user_nicename'   => 'dana-whitfield',
		'first_name'      => 'Dana',
		'last_name'       => 'Whitfield',
		'display_name'    => 'Dana Whitfield',
		'nickname'        => 'Dana Whitfield',
		'role'            => 'author',
		'user_registered' => '2019-01-01 00:00:00',
	)
);
if ( is_wp_error( $uid ) ) {
	fail( $uid->get_error_message() );
}
$users['Dana Whitfield'] = $uid;

/* ---- categories (fixed order => fixed term ids) */
foreach ( array( 'Space', 'Science', 'Rockets', 'Books' ) as $name ) {
	$t = wp_insert_term( $name, 'category' );
	if ( is_wp_error( $t ) ) {
		fail( $t->get_error_message() );
	}
}

/* ---- posts and comments */
function local_to_gmt( $local ) {
	return get_gmt_from_date( $local . ':00' );
}
foreach ( $posts as $i => $p ) {
	check_text( "post $i", $p['content'] );
	$cats = array();
	foreach ( $p['categories'] as $c ) {
		$cats[] = get_term_by( 'name', $c, 'category' )->term_id;
	}
	$post_id = wp_insert_post(
		array(
			'post_type'      => 'post',
			'post_status'    => 'publish',
			'post_title'     => $p['title'],
			'post_content'   => $p['content'],
			'post_author'    => $users[ $p['author'] ],
			'post_date'      => $p['date'] . ':00',
			'post_date_gmt'  => local_to_gmt( $p['date'] ),
			'post_category'  => $cats,
			'tags_input'     => $p['tags'],
			'comment_status' => 'open',
			'ping_status'    => 'closed',
		),
		true
	);
	if ( is_wp_error( $post_id ) ) {
		fail( $post_id->get_error_message() );
	}
	$keys = array();
	foreach ( $p['comments'] as $j => $c ) {
		check_text( "post $i comment $j", $c['text'] );
		list( $email, $url ) = $people[ $c['author'] ];
		$parent = 0;
		if ( ! empty( $c['parent'] ) ) {
			if ( ! isset( $keys[ $c['parent'] ] ) ) {
				fail( "unknown parent {$c['parent']}" );
			}
			$parent = $keys[ $c['parent'] ];
		}
		$cid = wp_insert_comment(
			array(
				'comment_post_ID'      => $post_id,
				'comment_author'       => $c['author'],
				'comment_author_email' => $email,
				'comment_author_url'   => $url,
				'comment_author_IP'    => '',
				'comment_agent'        => '',
				'comment_content'      => $c['text'],
				'comment_date'         => $c['date'] . ':00',
				'comment_date_gmt'     => local_to_gmt( $c['date'] ),
				'comment_approved'     => 1,
				'comment_type'         => 'comment',
				'comment_parent'       => $parent,
				'user_id'              => 0,
			)
		);
		if ( ! $cid ) {
			fail( "comment $j of post $i not inserted" );
		}
		if ( ! empty( $c['key'] ) ) {
			$keys[ $c['key'] ] = $cid;
		}
	}
}

/* ---- the private page */
$page_id = wp_insert_post(
	array(
		'post_type'      => 'page',
		'post_status'    => 'publish',
		'post_title'     => $private_page['title'],
		'post_name'      => $private_page['slug'],
		'post_content'   => $private_page['content'],
		'post_author'    => $users[ $private_page['author'] ],
		'post_date'      => $private_page['date'] . ':00',
		'post_date_gmt'  => local_to_gmt( $private_page['date'] ),
		'comment_status' => 'closed',
		'ping_status'    => 'closed',
	),
	true
);
if ( is_wp_error( $page_id ) ) {
	fail( $page_id->get_error_message() );
}

/* ---- primary menu: Home, Space, Books, Private notes */
$menu_id = wp_create_nav_menu( 'Main' );
$items   = array(
	array( 'menu-item-title' => 'Home', 'menu-item-type' => 'custom', 'menu-item-url' => home_url( '/' ) ),
	array( 'menu-item-type' => 'taxonomy', 'menu-item-object' => 'category', 'menu-item-object-id' => get_term_by( 'name', 'Space', 'category' )->term_id ),
	array( 'menu-item-type' => 'taxonomy', 'menu-item-object' => 'category', 'menu-item-object-id' => get_term_by( 'name', 'Books', 'category' )->term_id ),
	array( 'menu-item-type' => 'post_type', 'menu-item-object' => 'page', 'menu-item-object-id' => $page_id ),
);
foreach ( $items as $pos => $item ) {
	$item['menu-item-status']   = 'publish';
	$item['menu-item-position'] = $pos + 1;
	$r = wp_update_nav_menu_item( $menu_id, 0, $item );
	if ( is_wp_error( $r ) ) {
		fail( $r->get_error_message() );
	}
}
/* Menu items are posts too: pin their dates so nothing depends on the clock. */
$wpdb->query( $wpdb->prepare( "UPDATE $wpdb->posts SET post_date = '2019-01-02 10:00:00', post_date_gmt = %s, post_modified = '2019-01-02 10:00:00', post_modified_gmt = %s WHERE post_type = 'nav_menu_item'", local_to_gmt( '2019-01-02 10:00' ), local_to_gmt( '2019-01-02 10:00' ) ) );
set_theme_mod( 'nav_menu_locations', array( 'primary' => $menu_id ) );

/* ---- footer widgets: keep WordPress's default Search and Categories blocks only
 * (drop Recent Posts / Recent Comments / Archives so comment text and date-archive
 * links are not repeated on every page). */
update_option(
	'sidebars_widgets',
	array(
		'wp_inactive_widgets' => array( 'block-3', 'block-4', 'block-5' ),
		'sidebar-1'           => array( 'block-2', 'block-6' ),
		'array_version'       => 3,
	)
);

/* ---- the post dates above are authoritative; make sure "modified" equals them */
$wpdb->query( "UPDATE $wpdb->posts SET post_modified = post_date, post_modified_gmt = post_date_gmt" );

printf( "content: %d posts, %d comments\n", count( $posts ), (int) $wpdb->get_var( "SELECT COUNT(*) FROM $wpdb->comments" ) );

<?php
/* A day in the life of the blog, after fora crawled it (the case of issue 20): a new
 * comment on the last comment page of the old post of most comment pages and a reply on one
 * of its middle pages
 * (its other pages unchanged but for the count), 2 replies deep in another old post's
 * thread (to a reply on one of its middle pages), 2 on a third old post, and a new post
 * with 3 comments. Prints what it added as JSON: {"new_comments": [ids], "new_post": url}. */
require dirname( __DIR__ ) . '/sample-site/bootstrap.php';
require '/usr/share/wordpress/wp-load.php';

function add_comment( $post_id, $parent, $who, $text ) {
	$now = current_time( 'mysql', true );
	$id  = wp_insert_comment(
		array(
			'comment_post_ID'      => $post_id,
			'comment_author'       => $who,
			'comment_author_email' => strtolower( str_replace( ' ', '.', $who ) ) . '@example.org',
			'comment_content'      => $text,
			'comment_date_gmt'     => $now,
			'comment_date'         => get_date_from_gmt( $now ),
			'comment_approved'     => 1,
			'comment_type'         => 'comment',
			'comment_parent'       => $parent,
		)
	);
	if ( ! $id ) {
		fwrite( STDERR, "live.php: comment on post $post_id not inserted\n" );
		exit( 1 );
	}
	return $id;
}

/* Old posts with several comment pages, oldest first. */
$per_page = (int) get_option( 'comments_per_page' );
$paged    = array();
$others   = array();
foreach ( get_posts( array( 'numberposts' => -1, 'order' => 'ASC', 'orderby' => 'date' ) ) as $p ) {
	$top = get_comments( array( 'post_id' => $p->ID, 'parent' => 0, 'count' => true, 'status' => 'approve' ) );
	if ( $top > 2 * $per_page ) {
		$paged[] = $p;
	} else {
		$others[] = $p;
	}
}
if ( count( $paged ) < 2 || count( $others ) < 1 ) {
	fwrite( STDERR, "live.php: the blog needs two old posts of three comment pages (run grow.php)\n" );
	exit( 1 );
}
/* The post of the most comment pages gets the comments on its last and a middle page. */
$counts = array();
foreach ( $paged as $k => $p ) {
	$counts[ $k ] = (int) get_comments( array( 'post_id' => $p->ID, 'parent' => 0, 'count' => true, 'status' => 'approve' ) );
}
arsort( $counts );
$last  = $paged[ array_key_first( $counts ) ];
$paged = array_values( array_filter( $paged, static function ( $p ) use ( $last ) { return $p->ID !== $last->ID; } ) );
$added = array();
$deep  = $paged[0];
$third = $others[ intdiv( count( $others ), 2 ) ];
$added[] = add_comment( $last->ID, 0, 'Late Reader', 'Coming back to this years later: the booster recovery held up.' );
/* The same post, a reply on one of its middle pages. */
$tops    = get_comments( array( 'post_id' => $last->ID, 'parent' => 0, 'status' => 'approve', 'orderby' => 'comment_date_gmt', 'order' => 'ASC' ) );
$added[] = add_comment( $last->ID, $tops[ intdiv( count( $tops ), 2 ) ]->comment_ID, 'Edward', 'Same here, the parachute data aged well.' );
/* A reply on a middle page, and a reply to that reply. */
$tops   = get_comments( array( 'post_id' => $deep->ID, 'parent' => 0, 'status' => 'approve', 'orderby' => 'comment_date_gmt', 'order' => 'ASC' ) );
$middle = $tops[ intdiv( count( $tops ), 2 ) ];
$reply  = add_comment( $deep->ID, $middle->comment_ID, 'David Eastman', 'Replying deep in the thread about the heat shield.' );
$added[] = $reply;
$added[] = add_comment( $deep->ID, $reply, 'Chris', 'And a reply to that reply, about the same heat shield.' );
$added[] = add_comment( $third->ID, 0, 'Maria Solomon', 'A first late comment on a quiet post.' );
$added[] = add_comment( $third->ID, 0, 'Anna', 'A second late comment on the quiet post.' );
$now     = current_time( 'mysql', true );
$new_id  = wp_insert_post(
	array(
		'post_type'      => 'post',
		'post_status'    => 'publish',
		'post_title'     => 'A new post, the day after the crawl',
		'post_content'   => '<p>Fresh words about the next launch window.</p>',
		'post_author'    => 1,
		'post_date_gmt'  => $now,
		'post_date'      => get_date_from_gmt( $now ),
		'comment_status' => 'open',
	),
	true
);
if ( is_wp_error( $new_id ) ) {
	fwrite( STDERR, 'live.php: ' . $new_id->get_error_message() . "\n" );
	exit( 1 );
}
foreach ( array( 'Jay Webb', 'Zoë', 'Frank' ) as $who ) {
	$added[] = add_comment( $new_id, 0, $who, "First words on the new post from $who." );
}
echo json_encode( array( 'new_comments' => array_map( 'intval', $added ), 'new_post' => get_permalink( $new_id ) ) ) . "\n";

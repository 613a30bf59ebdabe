<?php
/* check.php OUTDIR TRUTH.json — sanity checks of the saved site against the ground truth.
 * Needs only php-cli (DOM). Exits non-zero on any failure. */
$out   = rtrim( $argv[1], '/' );
$truth = json_decode( file_get_contents( $argv[2] ), true );
$fail  = 0;
function bad( $msg ) {
	global $fail;
	$fail++;
	fwrite( STDERR, "FAIL: $msg\n" );
}
function norm( $s ) {
	return trim( preg_replace( '/\s+/u', ' ', $s ) );
}
function file_for( $out, $url ) {
	return $out . $url . ( substr( $url, -1 ) === '/' ? 'index.html' : '' );
}

$files = array();
$it    = new RecursiveIteratorIterator( new RecursiveDirectoryIterator( $out, FilesystemIterator::SKIP_DOTS ) );
foreach ( $it as $f ) {
	$files[] = substr( $f->getPathname(), strlen( $out ) );
}
sort( $files );
$total = 0;
foreach ( $files as $f ) {
	$s      = file_get_contents( $out . $f );
	$total += strlen( $s );
	if ( false !== strpos( $s, '127.0.0.1' ) ) {
		bad( "$f still contains 127.0.0.1" );
	}
	if ( preg_match( '/\.xml$/', $f ) ) {
		$d = new DOMDocument();
		if ( ! @$d->loadXML( $s ) ) {
			bad( "$f is not well-formed XML" );
		}
	}
}
if ( $total > 2 * 1024 * 1024 ) {
	bad( "site is $total bytes (> 2 MB)" );
}

/* HTML: parse every page; libxml's HTML4 parser does not know HTML5 elements (error 801,
 * "Tag header invalid") — those are expected, anything else is reported. */
$where = array();   // comment id => list of files
libxml_use_internal_errors( true );
$docs = array();
foreach ( $files as $f ) {
	if ( ! preg_match( '/\.html$/', $f ) ) {
		continue;
	}
	$d = new DOMDocument();
	/* libxml also trips over the "</scr' + 'ipt>" trick inside TT1's inline script; a
	 * browser's HTML5 parser does not, so hide it from libxml. */
	$d->loadHTML( str_replace( "</scr' + 'ipt>", "<\\/scr' + 'ipt>", file_get_contents( $out . $f ) ), LIBXML_NONET );
	foreach ( libxml_get_errors() as $e ) {
		if ( 801 !== $e->code ) {
			bad( sprintf( '%s: HTML parse error %d at line %d: %s', $f, $e->code, $e->line, trim( $e->message ) ) );
		}
	}
	libxml_clear_errors();
	$docs[ $f ] = $d;
	if ( false !== strpos( $f, '/comment-page-1/' ) ) {
		continue;   // only saved with KEEP_COMMENT_PAGE_1=1: a duplicate of the post URL
	}
	preg_match_all( '/id="comment-(\d+)"/', file_get_contents( $out . $f ), $m );
	foreach ( $m[1] as $id ) {
		$where[ (int) $id ][] = $f;
	}
}

$n_ids = array_sum( array_map( 'count', $where ) );
if ( count( $truth['comments'] ) !== $n_ids ) {
	bad( sprintf( '%d id="comment-N" in saved HTML, %d comments in truth', $n_ids, count( $truth['comments'] ) ) );
}
$posts = array();
foreach ( $truth['posts'] as $p ) {
	$posts[ $p['id'] ] = $p;
	foreach ( $p['comment_pages'] as $u ) {
		if ( ! is_file( file_for( $out, $u ) ) ) {
			bad( "comment page $u not saved" );
		}
	}
	if ( ! is_file( file_for( $out, $p['url'] ) ) ) {
		bad( "post {$p['url']} not saved" );
	}
}
foreach ( $truth['comments'] as $c ) {
	$want = file_for( $out, $c['page_url'] );
	$got  = $where[ $c['id'] ] ?? array();
	if ( array( substr( $want, strlen( $out ) ) ) !== $got ) {
		bad( "comment {$c['id']} expected only on {$c['page_url']}, found on: " . implode( ', ', $got ) );
		continue;
	}
	if ( ! in_array( $c['page_url'], $posts[ $c['post_id'] ]['comment_pages'], true ) ) {
		bad( "comment {$c['id']}: page_url not among its post's comment_pages" );
	}
	$x    = new DOMXPath( $docs[ $got[0] ] );
	$node = $x->query( "//*[@id='comment-{$c['id']}']" )->item( 0 );
	$auth = $x->query( ".//*[contains(concat(' ',@class,' '),' fn ')]", $node )->item( 0 );
	if ( ! $auth || norm( $auth->textContent ) !== $c['author'] ) {
		bad( "comment {$c['id']}: author on page is '" . ( $auth ? norm( $auth->textContent ) : '' ) . "', truth '{$c['author']}'" );
	}
	$body = $x->query( ".//*[contains(concat(' ',@class,' '),' comment-content ')]", $node )->item( 0 );
	if ( ! $body || norm( $body->textContent ) !== norm( $c['text'] ) ) {
		bad( "comment {$c['id']}: rendered text differs from truth text" );
	}
}
/* robots.txt and the disallowed-but-linked page */
$robots = @file_get_contents( "$out/robots.txt" );
if ( ! $robots || ! preg_match( '/^User-agent: \*\n(?:[^\n]+\n)*Disallow: \/private-notes\/\n/m', $robots ) ) {
	bad( 'robots.txt lacks Disallow: /private-notes/ in the User-agent: * group' );
}
foreach ( $truth['robots_disallowed_linked'] as $u ) {
	if ( ! is_file( file_for( $out, $u ) ) ) {
		bad( "$u not saved" );
	}
	$linked = false;
	foreach ( $files as $f ) {
		if ( $f !== $u . 'index.html' && preg_match( '/\.html$/', $f ) && false !== strpos( file_get_contents( $out . $f ), 'href="' . $u . '"' ) ) {
			$linked = true;
			break;
		}
	}
	if ( ! $linked ) {
		bad( "$u is not linked from any other saved page" );
	}
}
/* classic theme: the saved pages come from PHP templates, not block templates */
$home = file_get_contents( "$out/index.html" );
if ( false !== strpos( $home, 'wp-site-blocks' ) ) {
	bad( 'home page looks like a block theme (wp-site-blocks)' );
}
printf( "check: %d files, %d bytes, %d posts, %d comments, %s\n", count( $files ), $total, count( $truth['posts'] ), count( $truth['comments'] ), $fail ? "$fail FAILURES" : 'all OK' );
exit( $fail ? 1 : 0 );

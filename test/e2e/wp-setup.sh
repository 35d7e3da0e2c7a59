#!/usr/bin/env bash
# A throw-away WordPress (Debian packages) with OUR plugin, for test/e2e/wordpress.test.mjs.
#
#   STATE=/tmp/dir PORT=18088 CDN_DIR=dist/cdn EDITEUR_DIR=dist/editeur bash test/e2e/wp-setup.sh
#
# Needs root and: apt-get install -y --no-install-recommends wordpress wordpress-theme-twentytwentythree \
#                   mariadb-server apache2 libapache2-mod-php php-mysql
# Everything lives in $STATE: a private MariaDB data directory (socket only, no TCP), an Apache
# started with its own config file (127.0.0.1:$PORT; the system's /etc/apache2 is not changed),
# and WP_CONTENT_DIR (theme symlink, plugin copy, the demo feed in uploads/). The only file
# written outside $STATE is /etc/wordpress/config-sosannuaire-e2e-$PORT.php (Debian's wp-config
# reads /etc/wordpress/config-<WORDPRESS_CONFIG>.php; one per port, so two runs do not clash);
# wp-teardown.sh removes it.
# Writes $STATE/mariadb.pid, $STATE/apache.pid, $STATE/urls (name=url lines), $STATE/config-name
# and $STATE/admin-password (user admin; for the editor test).
set -euo pipefail

: "${STATE:?set STATE to an empty directory}"
PORT=${PORT:-8088}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
CDN_DIR=${CDN_DIR:-$ROOT/dist/cdn}
EDITEUR_DIR=${EDITEUR_DIR:-$ROOT/dist/editeur}
FEED=${FEED:-$ROOT/demo/feeds/onco-nouvelle-aquitaine.demo.json}
CONFIG_NAME=sosannuaire-e2e-$PORT
CONFIG_FILE=/etc/wordpress/config-$CONFIG_NAME.php
SITE=http://localhost:$PORT
SOCK=$STATE/mysql-run/mysqld.sock
DB_PASSWORD=sos-e2e-$RANDOM$RANDOM

mkdir -p "$STATE"
chmod 755 "$STATE"
echo "$CONFIG_FILE" > "$STATE/config-file"
echo "$CONFIG_NAME" > "$STATE/config-name"
( umask 077; echo "$DB_PASSWORD-Admin" > "$STATE/admin-password" )

# 1. MariaDB, private data directory, unix socket only.
mkdir -p "$STATE/mysql" "$STATE/mysql-run"
chown mysql:mysql "$STATE/mysql" "$STATE/mysql-run"
chmod 777 "$STATE/mysql-run"
mariadb-install-db --no-defaults --datadir="$STATE/mysql" --user=mysql --skip-test-db \
  --auth-root-authentication-method=socket > "$STATE/mariadb-install.log" 2>&1
setsid /usr/sbin/mariadbd --no-defaults --datadir="$STATE/mysql" --socket="$SOCK" --skip-networking \
  --user=mysql --pid-file="$STATE/mysql-run/mariadbd.pid" --log-error="$STATE/mysql-run/mariadb.log" < /dev/null > /dev/null 2>&1 &
echo $! > "$STATE/mariadb.pid"
for _ in $(seq 1 100); do mariadb --no-defaults -S "$SOCK" -u root -e 'select 1' > /dev/null 2>&1 && break; sleep 0.1; done
mariadb --no-defaults -S "$SOCK" -u root -e "CREATE DATABASE wordpress;
  CREATE USER 'wordpress'@'localhost' IDENTIFIED BY '$DB_PASSWORD';
  GRANT ALL ON wordpress.* TO 'wordpress'@'localhost'; FLUSH PRIVILEGES;"

# 2. wp-content: the theme, our plugin (the built widget in assets/, the workbench in editeur/), the feed.
CONTENT=$STATE/wp-content
mkdir -p "$CONTENT/themes" "$CONTENT/plugins" "$CONTENT/mu-plugins" "$CONTENT/uploads/sos"
ln -s /usr/share/wordpress/wp-content/themes/twentytwentythree "$CONTENT/themes/twentytwentythree"
cp -r "$ROOT/integrations/wordpress/sos-annuaire" "$CONTENT/plugins/sos-annuaire"
find "$CONTENT/plugins/sos-annuaire/assets" -mindepth 1 ! -name .htaccess -exec rm -rf {} +
cp -r "$CDN_DIR"/. "$CONTENT/plugins/sos-annuaire/assets/"
rm -rf "$CONTENT/plugins/sos-annuaire/editeur"
# As scripts/package-wordpress.mjs ships it: no widget/ copy, the preview pointed at assets/.
node "$ROOT/scripts/wordpress-editeur.mjs" "$EDITEUR_DIR" "$CONTENT/plugins/sos-annuaire/editeur"
cp "$FEED" "$CONTENT/uploads/sos/annuaire-sos.json"
# Test site only: WordPress core's emoji fallback would fetch images from s.w.org (a public host).
cat > "$CONTENT/mu-plugins/e2e-no-emoji.php" <<'PHP'
<?php
remove_action( 'wp_head', 'print_emoji_detection_script', 7 );
remove_action( 'wp_print_styles', 'print_emoji_styles' );
// Test site only: the editor's block directory searches wordpress.org (unreachable here: HTTP 500).
remove_action( 'enqueue_block_editor_assets', 'wp_enqueue_editor_block_directory_assets' );
PHP
chown -R www-data:www-data "$CONTENT/uploads"

cat > "$CONFIG_FILE" <<PHP
<?php
// Written by sos-annuaire test/e2e/wp-setup.sh; removed by wp-teardown.sh.
define('DB_NAME', 'wordpress'); define('DB_USER', 'wordpress'); define('DB_PASSWORD', '$DB_PASSWORD');
define('DB_HOST', 'localhost:$SOCK'); define('DB_CHARSET', 'utf8mb4');
define('WP_CONTENT_DIR', '$CONTENT'); define('WP_CONTENT_URL', '$SITE/wp-content');
define('WP_HOME', '$SITE'); define('WP_SITEURL', '$SITE');
define('AUTH_KEY', 'e2e1'); define('SECURE_AUTH_KEY', 'e2e2'); define('LOGGED_IN_KEY', 'e2e3'); define('NONCE_KEY', 'e2e4');
define('AUTH_SALT', 'e2e5'); define('SECURE_AUTH_SALT', 'e2e6'); define('LOGGED_IN_SALT', 'e2e7'); define('NONCE_SALT', 'e2e8');
define('WP_HTTP_BLOCK_EXTERNAL', true); define('DISABLE_WP_CRON', true); define('AUTOMATIC_UPDATER_DISABLED', true);
// 'local': application passwords (REST API as the admin) without HTTPS.
define('WP_ENVIRONMENT_TYPE', 'local');
define('WP_DEBUG', true); define('WP_DEBUG_DISPLAY', false); define('WP_DEBUG_LOG', '$STATE/wp-debug.log');
PHP
chmod 644 "$CONFIG_FILE"

# 3. Apache with its own configuration file (nothing enabled or changed in /etc/apache2).
cat > "$STATE/apache2.conf" <<CONF
ServerRoot /etc/apache2
Include /etc/apache2/mods-enabled/*.load
Include /etc/apache2/mods-enabled/*.conf
PidFile $STATE/apache-internal.pid
Mutex file:$STATE default
User www-data
Group www-data
ServerName localhost
Listen 127.0.0.1:$PORT
ErrorLog $STATE/apache-error.log
LogLevel warn
TypesConfig /etc/mime.types
DocumentRoot /usr/share/wordpress
DirectoryIndex index.php index.html
SetEnv WORDPRESS_CONFIG $CONFIG_NAME
Alias /wp-content $CONTENT
<Directory />
  AllowOverride None
  Require all denied
</Directory>
<Directory /usr/share/wordpress>
  Options FollowSymLinks
  Require all granted
</Directory>
<Directory $CONTENT>
  Options FollowSymLinks
  AllowOverride FileInfo
  Require all granted
</Directory>
CONF
set +u
# shellcheck disable=SC1091
. /etc/apache2/envvars
set -u
# Own session (setsid): on shutdown Apache signals its whole process group, which would otherwise
# be the caller's (the test runner).
setsid /usr/sbin/apache2 -f "$STATE/apache2.conf" -D FOREGROUND > "$STATE/apache.log" 2>&1 < /dev/null &
echo $! > "$STATE/apache.pid"
for _ in $(seq 1 100); do curl -s -o /dev/null "$SITE/wp-admin/install.php" && break; sleep 0.1; done

# 4. The web installer, non-interactively.
curl -s -o "$STATE/install.html" -X POST "$SITE/wp-admin/install.php?step=2" \
  --data-urlencode 'weblog_title=Site partenaire (test)' --data-urlencode 'user_name=admin' \
  --data-urlencode "admin_password=$DB_PASSWORD-Admin" --data-urlencode "admin_password2=$DB_PASSWORD-Admin" \
  --data-urlencode 'pw_weak=1' --data-urlencode 'admin_email=admin@example.invalid' --data-urlencode 'blog_public=0' \
  --data-urlencode 'language='
grep -q 'Success\|Succès' "$STATE/install.html" || { echo "WordPress install failed (see $STATE/install.html)" >&2; exit 1; }

# 5. Activate our plugin and create the test pages.
php -r '
  $_SERVER["HTTP_HOST"] = "localhost:'"$PORT"'"; $_SERVER["WORDPRESS_CONFIG"] = "'"$CONFIG_NAME"'";
  require "/usr/share/wordpress/wp-load.php";
  require_once ABSPATH . "wp-admin/includes/plugin.php";
  $r = activate_plugin("sos-annuaire/sos-annuaire.php");
  if (is_wp_error($r)) { fwrite(STDERR, $r->get_error_message() . "\n"); exit(1); }
  // No Gravatar images (a public host) in the admin; no welcome guide (images from s.w.org) in the editor.
  update_option("show_avatars", 0);
  update_user_meta(1, $GLOBALS["wpdb"]->get_blog_prefix() . "persisted_preferences", ["core/edit-post" => ["welcomeGuide" => false], "_modified" => gmdate("c")]);
  $feed = content_url("uploads/sos/annuaire-sos.json");
  $page = function ($title, $body) {
    $id = wp_insert_post(["post_title" => $title, "post_status" => "publish", "post_type" => "page", "post_content" => $body], true);
    if (is_wp_error($id)) { fwrite(STDERR, $id->get_error_message() . "\n"); exit(1); }
    return get_permalink($id);
  };
  $sc = fn ($code) => "<!-- wp:paragraph --><p>Texte du site avant le widget.</p><!-- /wp:paragraph -->\n<!-- wp:shortcode -->" . $code . "<!-- /wp:shortcode -->";
  echo "feed=", $feed, "\n";
  echo "directory=", $page("Annuaire", $sc("[annuaire_sos src=\"$feed\" basemap=\"offline\" id=\"annuaire\" inconnu=\"x\"]")), "\n";
  echo "card=", $page("Une fiche", $sc("[annuaire_sos_fiche src=\"$feed\" structure_id=\"finess-330000662\"]")), "\n";
  echo "missing=", $page("Sans flux", $sc("[annuaire_sos departement=\"33\"]")), "\n";
  echo "plain=", $page("Sans annuaire", "<!-- wp:paragraph --><p>Une page sans code court.</p><!-- /wp:paragraph -->"), "\n";
' > "$STATE/urls"
cat "$STATE/urls"

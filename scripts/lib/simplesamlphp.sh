#!/usr/bin/env bash
# SimpleSAMLphp (Debian package simplesamlphp 1.19) as the test SAML IdP of the end-to-end tests,
# served by php's built-in server on a free loopback port, with a generated configuration in a
# temp dir: its own RSA key pair (openssl), assertion and response signed with rsa-sha256, SPID-
# style NameID (transient, with NameQualifier) and AuthnContextClassRef, and test users carrying
# SPID attributes (fiscalNumber "TINIT-...", name, familyName, email, dateOfBirth, placeOfBirth).
#
# By hand (before `dotnet test tests/Portal.EndToEnd`):
#
#   eval "$(scripts/lib/simplesamlphp.sh start)"    # starts it, exports the variables below
#   scripts/lib/simplesamlphp.sh stop               # stops it, removes its temp dir
#
# scripts/test.sh sources this file and calls ssp_start / ssp_stop itself.
#
# Exported for the tests:
#   PORTAL_SAML_IDP_URL       base URL, e.g. http://127.0.0.1:41234
#   PORTAL_SAML_IDP_METADATA  the IdP's SAML metadata URL (give it to the portal as a provider)
#   PORTAL_SAML_IDP_SP_DIR    drop the SP's metadata XML here (as served at /saml2/metadata, one
#                             *.xml file per SP): the IdP reads the folder on every request
#   PORTAL_SAML_IDP_HOME      the temp dir (configuration, keys, logs, sessions)
#
# Test users (password for all: SSP_TEST_PASSWORD below):
#   mario.rossi    RSSMRA80A01H501U  Mario Rossi     demo citizen
#   laura.bianchi  BNCLRA75C55A271Q  Laura Bianchi   demo OperatoreComune (Ancona, Falconara)
#   chiara.ferri   FRRCHR92L54A271X  Chiara Ferri    not in the demo recipe (first access)

SSP_WWW=/usr/share/simplesamlphp/www
SSP_ISSUER_CLASS=/usr/share/simplesamlphp/vendor/simplesamlphp/saml2/src/SAML2/XML/saml/Issuer.php
SSP_TEST_PASSWORD=Prova.2026
SSP_PID=""

ssp_log() { printf 'simplesamlphp: %s\n' "$*" >&2; }

ssp_free_port() {
  php -r '$s = stream_socket_server("tcp://127.0.0.1:0"); $n = stream_socket_get_name($s, false); echo substr($n, strrpos($n, ":") + 1);'
}

ssp_answers() {
  php -r 'exit(@file_get_contents($argv[1]) === false ? 1 : 0);' "$1" 2> /dev/null
}

# Writes config.php, authsources.php, the hosted IdP, the SP-remote loader and a key pair into $1.
ssp_write_config() {
  local home=$1 base=$2
  mkdir -p "$home/config" "$home/metadata" "$home/cert" "$home/log" "$home/data" "$home/sessions" "$home/sp"
  openssl req -x509 -newkey rsa:2048 -sha256 -nodes -days 365 -subj "/C=IT/O=Test/CN=SimpleSAMLphp IdP di prova" \
    -keyout "$home/cert/idp.key" -out "$home/cert/idp.crt" > "$home/log/openssl.log" 2>&1 \
    || { cat "$home/log/openssl.log" >&2; return 1; }

  cat > "$home/config/config.php" <<PHP
<?php
\$config = [
    'baseurlpath' => '$base/',
    'certdir' => '$home/cert/',
    'loggingdir' => '$home/log/',
    'datadir' => '$home/data/',
    'tempdir' => '$home/data/',
    'metadatadir' => '$home/metadata/',
    'metadata.sources' => [['type' => 'flatfile']],
    'secretsalt' => '$(openssl rand -hex 24)',
    'auth.adminpassword' => '$(openssl rand -hex 16)',
    'admin.protectindexpage' => true,
    'admin.protectmetadata' => false,
    'technicalcontact_name' => 'Portale, test',
    'technicalcontact_email' => 'test@example.org',
    'timezone' => 'Europe/Rome',
    'logging.level' => SimpleSAML\Logger::INFO,
    'logging.handler' => 'file',
    'logging.logfile' => 'simplesamlphp.log',
    'enable.saml20-idp' => true,
    'enable.shib13-idp' => false,
    'module.enable' => ['exampleauth' => true, 'core' => true, 'saml' => true],
    'store.type' => 'phpsession',
    'session.phpsession.savepath' => '$home/sessions',
    'session.cookie.secure' => false,
    'session.duration' => 8 * 60 * 60,
    'language.default' => 'it',
    'language.available' => ['it', 'en'],
    'theme.use' => 'default',
    'showerrors' => true,
    'errorreporting' => false,
];
PHP

  # SPID attributes; dateOfBirth as xs:date text, placeOfBirth as codice catastale.
  cat > "$home/config/authsources.php" <<PHP
<?php
\$config = [
    'admin' => ['core:AdminPassword'],
    'utenti-spid-di-prova' => [
        'exampleauth:UserPass',
        'mario.rossi:$SSP_TEST_PASSWORD' => [
            'fiscalNumber' => 'TINIT-RSSMRA80A01H501U', 'name' => 'Mario', 'familyName' => 'Rossi',
            'email' => 'mario.rossi@example.org', 'dateOfBirth' => '1980-01-01', 'placeOfBirth' => 'H501',
            'gender' => 'M', 'mobilePhone' => '+393331234567', 'spidCode' => 'TEST0000000001',
        ],
        'laura.bianchi:$SSP_TEST_PASSWORD' => [
            'fiscalNumber' => 'TINIT-BNCLRA75C55A271Q', 'name' => 'Laura', 'familyName' => 'Bianchi',
            'email' => 'laura.bianchi@comune.ancona.example', 'dateOfBirth' => '1975-03-15', 'placeOfBirth' => 'A271',
            'gender' => 'F', 'spidCode' => 'TEST0000000002',
        ],
        'chiara.ferri:$SSP_TEST_PASSWORD' => [
            'fiscalNumber' => 'TINIT-FRRCHR92L54A271X', 'name' => 'Chiara', 'familyName' => 'Ferri',
            'email' => 'chiara.ferri@example.org', 'dateOfBirth' => '1992-07-14', 'placeOfBirth' => 'A271',
            'gender' => 'F', 'mobilePhone' => '+393401234567', 'spidCode' => 'TEST0000000003',
        ],
    ],
];
PHP

  # SPID profile: transient NameID with NameQualifier (the IdP's entityID); AuthnContextClassRef
  # echoes the SPID level the SP asked for (a SPID IdP authenticates at that level), SpidL2 otherwise.
  cat > "$home/metadata/saml20-idp-hosted.php" <<'PHP'
<?php
$metadata['__DYNAMIC:1__'] = [
    'host' => '__DEFAULT__',
    'privatekey' => 'idp.key',
    'certificate' => 'idp.crt',
    'auth' => 'utenti-spid-di-prova',
    'signature.algorithm' => 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256',
    'saml20.sign.assertion' => true,
    'saml20.sign.response' => true,
    'sign.logout' => true,
    'redirect.validate' => true,
    'NameIDFormat' => 'urn:oasis:names:tc:SAML:2.0:nameid-format:transient',
    'attributes.NameFormat' => 'urn:oasis:names:tc:SAML:2.0:attrname-format:basic',
    'assertion.lifetime' => 300,
    'authproc' => [
        10 => ['class' => 'saml:TransientNameID', 'NameQualifier' => true],
        20 => ['class' => 'core:PHP', 'code' => '
            $levels = ["https://www.spid.gov.it/SpidL1", "https://www.spid.gov.it/SpidL2", "https://www.spid.gov.it/SpidL3"];
            $asked = $state["saml:RequestedAuthnContext"]["AuthnContextClassRef"][0] ?? null;
            $state["saml:AuthnContextClassRef"] = in_array($asked, $levels, true) ? $asked : $levels[1];
        '],
    ],
];
PHP

  # SPs: every metadata file dropped into sp/ (read on each request, so a portal started later
  # on a random port registers itself by writing its /saml2/metadata there).
  cat > "$home/metadata/saml20-sp-remote.php" <<PHP
<?php
foreach (glob('$home/sp/*.xml') ?: [] as \$file) {
    foreach (SimpleSAML\Metadata\SAMLParser::parseDescriptorsFile(\$file) as \$entityId => \$entity) {
        \$sp = \$entity->getMetadata20SP();
        if (\$sp === null) continue;
        \$metadata[\$entityId] = array_merge(\$sp, [
            'validate.authnrequest' => true,
            'validate.logout' => true,
            'saml20.sign.assertion' => true,
            'saml20.sign.response' => true,
        ]);
    }
}
PHP
}

# SPID wants Format="urn:oasis:names:tc:SAML:2.0:nameid-format:entity" on the Assertion's Issuer
# (AgID's SPID SAML Check, case 71: missing Format must fail), but SimpleSAMLphp 1.19 omits it for
# entity issuers unless Issuer::$Saml2IssuerShowAll is true, which no configuration option sets.
# php's built-in server runs router.php before every request: it loads a copy of that class with the
# flag on, before the autoloader would load the original.
ssp_write_router() {
  local home=$1
  mkdir -p "$home/patched"
  grep -q 'private $Saml2IssuerShowAll = false;' "$SSP_ISSUER_CLASS" \
    || { ssp_log "$SSP_ISSUER_CLASS has changed: cannot make the Issuer Format explicit"; return 1; }
  sed 's/private $Saml2IssuerShowAll = false;/private $Saml2IssuerShowAll = true;/' "$SSP_ISSUER_CLASS" > "$home/patched/Issuer.php"
  cat > "$home/router.php" <<PHP
<?php
require_once '/usr/share/simplesamlphp/lib/_autoload.php';
require_once '$home/patched/Issuer.php';
return false;
PHP
}

# Starts the IdP; sets and exports the PORTAL_SAML_IDP_* variables.
ssp_start() {
  local home port base attempt i tool
  for tool in php openssl; do
    command -v "$tool" > /dev/null || { ssp_log "$tool not found (apt-get install simplesamlphp php-cli php-xml php-mbstring)"; return 1; }
  done
  [[ -f "$SSP_WWW/saml2/idp/SSOService.php" ]] || { ssp_log "$SSP_WWW not found (apt-get install simplesamlphp)"; return 1; }
  php -r 'exit(extension_loaded("dom") ? 0 : 1);' || { ssp_log "php's dom extension is missing (apt-get install php-xml)"; return 1; }

  home=$(mktemp -d /tmp/portal-simplesamlphp.XXXXXX)
  for attempt in 1 2 3; do
    port=$(ssp_free_port)
    base="http://127.0.0.1:$port"
    rm -rf "${home:?}"/*
    ssp_write_config "$home" "$base" && ssp_write_router "$home" || return 1
    SIMPLESAMLPHP_CONFIG_DIR="$home/config" nohup php -S "127.0.0.1:$port" -t "$SSP_WWW" "$home/router.php" \
      > "$home/log/server.log" 2>&1 < /dev/null &
    SSP_PID=$!
    echo "$SSP_PID" > "$home/server.pid"
    for (( i = 0; i < 100; i++ )); do
      if ssp_answers "$base/saml2/idp/metadata.php"; then
        export PORTAL_SAML_IDP_URL="$base"
        export PORTAL_SAML_IDP_METADATA="$base/saml2/idp/metadata.php"
        export PORTAL_SAML_IDP_SP_DIR="$home/sp"
        export PORTAL_SAML_IDP_HOME="$home"
        ssp_log "IdP on $base (pid $SSP_PID, config in $home)"
        return 0
      fi
      kill -0 "$SSP_PID" 2> /dev/null || break
      sleep 0.1
    done
    ssp_log "start on port $port failed (attempt $attempt):"
    tail -n 20 "$home/log/server.log" >&2 || true
    kill "$SSP_PID" 2> /dev/null || true
    SSP_PID=""
  done
  return 1
}

# Stops the IdP started by ssp_start (in this shell or, by hand, the one PORTAL_SAML_IDP_HOME names).
# With $1, keeps its logs there first.
ssp_stop() {
  local home=${PORTAL_SAML_IDP_HOME:-} pid=$SSP_PID logs=${1:-}
  [[ -n "$home" && -d "$home" ]] || return 0
  [[ -n "$pid" ]] || pid=$(cat "$home/server.pid" 2> /dev/null || true)
  if [[ -n "$pid" ]] && kill -0 "$pid" 2> /dev/null; then
    kill "$pid" 2> /dev/null || true
    wait "$pid" 2> /dev/null || true
  fi
  if [[ -n "$logs" ]]; then
    cat "$home/log/server.log" > "$logs/simplesamlphp-server.log" 2> /dev/null || true
    cat "$home/log/simplesamlphp.log" > "$logs/simplesamlphp.log" 2> /dev/null || true
  fi
  rm -rf "$home"
  SSP_PID=""
  unset PORTAL_SAML_IDP_URL PORTAL_SAML_IDP_METADATA PORTAL_SAML_IDP_SP_DIR PORTAL_SAML_IDP_HOME
}

if [[ "${BASH_SOURCE[0]}" == "$0" ]]; then
  set -euo pipefail
  case "${1:-}" in
    start)
      ssp_start
      printf 'export PORTAL_SAML_IDP_URL=%q PORTAL_SAML_IDP_METADATA=%q PORTAL_SAML_IDP_SP_DIR=%q PORTAL_SAML_IDP_HOME=%q\n' \
        "$PORTAL_SAML_IDP_URL" "$PORTAL_SAML_IDP_METADATA" "$PORTAL_SAML_IDP_SP_DIR" "$PORTAL_SAML_IDP_HOME"
      ;;
    stop) ssp_stop ;;
    *) printf 'usage: eval "$(%s start)"  |  %s stop\n' "$0" "$0" >&2; exit 2 ;;
  esac
fi

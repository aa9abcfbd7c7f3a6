#!/usr/bin/env bash
# Rebuilds the held-out set (README.md) under OUT (default /tmp/heldout/sets): the test messages of
# public projects at the commits named below, one folder per project, duplicates removed. Nothing of it
# is committed; run.ts reads it. Needs git and network access to github.com (or MIRROR: a directory
# holding owner+name/repo git directories, as left by the team's fetch tool).
#
#   shared/test/heldout/build.sh [OUT]                 # the first set (expected.tsv)
#   shared/test/heldout/build.sh --set 2 [OUT]         # the second set (expected2.tsv), default /tmp/heldout/sets2
#   shared/test/heldout/build.sh --set 3 [OUT]         # the third set (expected3.tsv), default /tmp/heldout/sets3
set -euo pipefail
SET=1
if [ "${1:-}" = --set ]; then
  SET=$2
  shift 2
fi
if [ "$SET" = 2 ]; then
  OUT=${1:-/tmp/heldout/sets2}
elif [ "$SET" = 3 ]; then
  OUT=${1:-/tmp/heldout/sets3}
else
  OUT=${1:-/tmp/heldout/sets}
fi
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

repo() { # owner/name commit → git dir holding that commit
  local name=$1 commit=$2 dir
  dir="${MIRROR:-/nonexistent}/${name/\//+}/repo"
  if [ -e "$dir" ] && git -C "$dir" cat-file -e "$commit^{commit}" 2>/dev/null; then
    echo "$dir"
    return
  fi
  dir="$WORK/${name/\//+}"
  if [ ! -d "$dir" ]; then
    git clone --quiet --filter=blob:none --no-checkout "https://github.com/$name.git" "$dir"
  fi
  git -C "$dir" fetch --quiet origin "$commit" 2>/dev/null || true
  echo "$dir"
}

take() { # project owner/name commit folder [filename regex] → OUT/project/<path below folder, / → _>
  local project=$1 name=$2 commit=$3 folder=$4 filter=${5:-.} git f
  git=$(repo "$name" "$commit")
  mkdir -p "$OUT/$project"
  git -C "$git" ls-tree -r --name-only "$commit" -- "$folder" | grep -E "$filter" | while read -r f; do
    git -C "$git" show "$commit:$f" >"$OUT/$project/$(echo "${f#"$folder"/}" | tr / _)" 2>/dev/null ||
      rm -f "$OUT/$project/$(echo "${f#"$folder"/}" | tr / _)"
  done
}

rm -rf "$OUT"
mkdir -p "$OUT"

if [ "$SET" = 2 ] || [ "$SET" = 3 ]; then
  # shellcheck source=build2.sh
  . "$(dirname "$0")/build$SET.sh"
  find "$OUT" -type f | wc -l
  exit 0
fi

take flufl.bounce wRAR/flufl.bounce 796a6b901710175ca367f79c0ac6d963201db91d flufl/bounce/tests/data '\.txt$'

take php-bounce-handler cfortune/PHP-Bounce-Handler 956e65b0d502b1904546c3c46480409ded41d755 eml
# Fourteen more test messages of a later commit (pull-request branch "Added more test cases …").
take php-bounce-handler cfortune/PHP-Bounce-Handler 2f76f2a11425eb69979eb8fb1e1733dc73d76026 eml \
  '/(issue_9_testcase|sendmail-.*|vac[0-9])\.eml$'

BMH=679dbf7cd055eff5d9eb9bc1ab22e6d44e181a38 # voku/PHPMailer-BMH keeps other projects' test sets
take bounce_email voku/PHPMailer-BMH $BMH tests/fixtures/bounce-email
take node-baunsu voku/PHPMailer-BMH $BMH tests/fixtures/node-baunsu
take tmail_bouncer voku/PHPMailer-BMH $BMH tests/fixtures/tmail_bouncer
take instaclick voku/PHPMailer-BMH $BMH tests/fixtures/instaclick
# The Python port of bounce_email: only the messages the Ruby gem's set lacks, as py-<name>.
take bounce_email-py ronbeltran/bounce_email 0126263ab0e2be318ed65cec77b0141be3812cee tests '\.txt$'
for f in "$OUT"/bounce_email-py/*; do
  b=$(basename "$f")
  b=${b#bounces_}
  b=${b#non_bounces_}
  b=${b#fixtures_}
  [ -e "$OUT/bounce_email/$b" ] || cp "$f" "$OUT/bounce_email/py-$b"
done
rm -rf "$OUT/bounce_email-py"

take zoonru-php-bounce-handler zoonru/PHP-Bounce-Handler 13f8b3a764ff7d20824c6ed4527fdecc093b3e0a eml '/fixture_'
take flanker mailgun/flanker c7f70738dbb39eda2861b03917b63ec9fa828f5d tests/fixtures/messages '\.eml$'
take mail-gem mikel/mail d645d7b5b7d03218b0bc8971ef041c991a63f5f7 spec/fixtures/emails '\.eml$'
take talon mailgun/talon 71d9b6eb78e985bcdfbf99b69c20c001b4b818c4 tests/fixtures '\.eml$'
take spamscope-mail-parser SpamScope/mail-parser 01c177fecddd9db1def23ba509ab31b12ab4fbc5 tests/mails
take dada-mail justingit/dada-mail a4e7e65506245ff8620470e61e4e474ab01c5886 app/dada/t/corpus/email_messages
take rspamd rspamd/rspamd eaac8e914ef09f837fe53cc4973e0b2312ab1118 test/functional/messages
take redmine redmine/redmine 890812e49cc60e96c7c252b7dedbd881a4edba55 test/fixtures/mail_handler
take postfixadmin postfixadmin/postfixadmin 65b10f7285524bc6753f604bd11ff3c3de5cbf97 VIRTUAL_VACATION/tests '\.txt$'
# EmailEngine's own bounce samples (its complaints and auto-replies are Sisimai's set-of-emails: left out).
take emailengine postalsys/emailengine aea4535093276c90d942e0e1723088f316b23754 test/fixtures/bounces
take spamassassin apache/spamassassin f7fe7b82a2db63ee1406d74d88ce564b69881954 t/data \
  '^t/data/(nice|spam|dkim|welcomelists)/'

# Byte-identical copies and LF/CRLF twins within a project: one of each is kept.
rm -f "$OUT"/instaclick/google-temporary-failure.eml \
  "$OUT"/mail-gem/multipart_report_emails_multi_address_bounce2.eml \
  "$OUT"/mail-gem/mime_emails_raw_email12.eml \
  "$OUT"/mail-gem/plain_emails_raw_email8.eml \
  "$OUT"/mail-gem/rfc2822_example05.eml \
  "$OUT"/mail-gem/plain_emails_basic_email_lf.eml \
  "$OUT"/mail-gem/attachment_emails_attachment_pdf_non_ascii_lf.eml \
  "$OUT"/mail-gem/attachment_emails_attachment_pdf_lf.eml \
  "$OUT"/flufl.bounce/__init__.py \
  "$OUT"/rspamd/fws_tp.eml \
  "$OUT"/spamassassin/nice_dkim_Nowsp_03 \
  "$OUT"/spamassassin/spam_spf1
find "$OUT" -type f | wc -l

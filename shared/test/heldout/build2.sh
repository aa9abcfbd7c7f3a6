# The second held-out set (README.md, "Second held-out set"), sourced by build.sh --set 2: test mail of
# projects the first set did not use, at the commits named here. take() and OUT come from build.sh.

# notmuch: about 50 messages of its own mailing list, 210 of LKML, and its threading, crypto and
# broken-mail corpora (GPL-3.0).
take notmuch notmuch/notmuch fdc9c75388b1ed12662e1cdb73b48b6d809ef5d8 test/corpora '^test/corpora/[^R]'
# MailCore 2: jwz's MIME test mailbox (split one message a file) and mail from its bug reports (BSD).
take mailcore2 MailCore/mailcore2 8f0923db493ad8fc3e0f33fd0c70f3633e8787a7 unittest/data/parser/input
take mailcore2 MailCore/mailcore2 8f0923db493ad8fc3e0f33fd0c70f3633e8787a7 unittest/data/summary/input
# MimeKit: its message tests (reports among them) and small mbox files (MIT).
take mimekit jstedfast/MimeKit cf6d38dd0a1a26b5145c10b35e971efc133e1fb3 UnitTests/TestData/messages
take mimekit jstedfast/MimeKit cf6d38dd0a1a26b5145c10b35e971efc133e1fb3 UnitTests/TestData/mbox \
  '/(simple|unmunged|issue1189)\.mbox\.txt$'
take mimekit jstedfast/MimeKit cf6d38dd0a1a26b5145c10b35e971efc133e1fb3 UnitTests/TestData/tnef '\.eml$'
# Stalwart mail-parser: Hunny Software's MIME samples and Dovecot's test messages (MIT/Apache-2.0).
take stalwart-mail-parser stalwartlabs/mail-parser 339a4306d3bd60bbfeae8f5de0e8f29c17d665a1 resources/eml '\.eml$'
take django-mailbox coddingtonbear/django-mailbox 4c7135469e32757605f26af8515eda455b89f703 django_mailbox/tests/messages
take nodemailer-mailparser nodemailer/mailparser bb1881eb35c0d406c68c8613443827ccbad00065 test/fixtures '\.eml$'
take mailbouncedetector rgl/MailBounceDetector 05719306a7b903c07294d89386f84caa2912cd38 MailBounceDetector.Tests/Fixtures

# Added before the engine's first run on the set, like the above: PHP mail parsers' test mail (MIT).
take php-mime-mail-parser php-mime-mail-parser/php-mime-mail-parser 059dcc38fbfb559b0644e9c26c65a759b21801bc tests/mails '/[^.][^/]*$'
take webklex-php-imap Webklex/php-imap 5656386a3597dacf93f8887d2016ed3cea2adbb7 tests/messages
take zbateson-mail-mime-parser zbateson/mail-mime-parser 3db681988a48fdffdba551dcc6b2f4c2da574540 tests/_data/emails '^tests/_data/emails/[^/]+\.txt$'

# Added after the first measure (README.md, "Added after the first measure"): Froide, a freedom-of-
# information portal, keeps real mail to and from German authorities and real bounces (MIT).
take froide okfde/froide 6e855bdd1935d741aa354c8c5bd681a955fd5c89 froide \
  '/(bounce|foirequest/tests)/testdata/[^/]+\.txt$|/helper/tests/testdata/[^/]+\.eml$'

# Byte-identical copies (and LF/CRLF or trailing-blank twins) within the set: one of each is kept. None of
# the set's messages is a copy of one in the first set, test/corpus or shared/test/fixtures.
# MimeKit's *.anonymized.eml are its other test messages with every letter of the fields turned into x:
# copies too, and no longer readable as any kind.
rm -f "$OUT"/mimekit/*.anonymized.eml
while read -r f; do rm -f "$OUT/$f"; done <<'TWINS'
mailcore2/2518-encoding.eml
mailcore2/950-japanese-chinese-3.eml
mimekit/empty-multipart.txt
mimekit/multipart-digest.txt
mimekit/rfc2060.txt
notmuch/default_cur_51:2,
notmuch/lkml_cur_1382298770.001724:2,
notmuch/lkml_cur_1382298770.001730:2,
notmuch/lkml_cur_1382298770.001731:2,
notmuch/lkml_cur_1382298770.001732:2,
notmuch/lkml_cur_1382298770.001733:2,
notmuch/lkml_cur_1382298770.001734:2,
notmuch/lkml_cur_1382298770.001735:2,
notmuch/lkml_cur_1382298770.001736:2,
notmuch/lkml_cur_1382298770.001738:2,
notmuch/lkml_cur_1382298770.001739:2,
notmuch/lkml_cur_1382298770.001740:2,
notmuch/lkml_cur_1382298770.001887:2,
notmuch/lkml_cur_1382298770.001892:2,
notmuch/lkml_cur_1382298770.002189:2,
notmuch/lkml_cur_1382298770.002193:2,
notmuch/lkml_cur_1382298770.002194:2,
notmuch/lkml_cur_1382298770.002195:2,
notmuch/lkml_cur_1382298770.002196:2,
notmuch/lkml_cur_1382298770.002197:2,
notmuch/lkml_cur_1382298770.002201:2,
notmuch/lkml_cur_1382298770.002878:2,
notmuch/lkml_cur_1382298770.002912:2,
notmuch/lkml_cur_1382298770.002915:2,
notmuch/lkml_cur_1382298770.002917:2,
notmuch/lkml_cur_1382298770.002997:2,
notmuch/lkml_cur_1382298770.003106:2,
notmuch/lkml_cur_1382298770.003117:2,
notmuch/lkml_cur_1382298770.003118:2,
notmuch/lkml_cur_1382298770.003171:2,
notmuch/lkml_cur_1382298770.003317:2,
notmuch/lkml_cur_1382298770.003318:2,
notmuch/lkml_cur_1382298770.003486:2,
notmuch/lkml_cur_1382298770.004581:2,
notmuch/lkml_cur_1382298770.004582:2,
stalwart-mail-parser/malformed_011.eml
zbateson-mail-mime-parser/m0002.txt
zbateson-mail-mime-parser/m0003.txt
zbateson-mail-mime-parser/m0004.txt
zbateson-mail-mime-parser/m0005.txt
zbateson-mail-mime-parser/m0006.txt
zbateson-mail-mime-parser/m0007.txt
zbateson-mail-mime-parser/m0008.txt
zbateson-mail-mime-parser/m0011.txt
zbateson-mail-mime-parser/m0012.txt
zbateson-mail-mime-parser/m0013.txt
zbateson-mail-mime-parser/m0014.txt
zbateson-mail-mime-parser/m0015.txt
zbateson-mail-mime-parser/m0016.txt
zbateson-mail-mime-parser/m0017.txt
zbateson-mail-mime-parser/m0018.txt
zbateson-mail-mime-parser/m1001.txt
zbateson-mail-mime-parser/m1002.txt
zbateson-mail-mime-parser/m1003.txt
zbateson-mail-mime-parser/m1004.txt
zbateson-mail-mime-parser/m1005.txt
zbateson-mail-mime-parser/m1006.txt
zbateson-mail-mime-parser/m1007.txt
zbateson-mail-mime-parser/m1008.txt
zbateson-mail-mime-parser/m1009.txt
zbateson-mail-mime-parser/m1010.txt
zbateson-mail-mime-parser/m1011.txt
zbateson-mail-mime-parser/m1012.txt
zbateson-mail-mime-parser/m1013.txt
zbateson-mail-mime-parser/m1014.txt
zbateson-mail-mime-parser/m1015.txt
zbateson-mail-mime-parser/m1016.txt
zbateson-mail-mime-parser/m2001.txt
zbateson-mail-mime-parser/m2002.txt
zbateson-mail-mime-parser/m2003.txt
zbateson-mail-mime-parser/m2004.txt
zbateson-mail-mime-parser/m2005.txt
zbateson-mail-mime-parser/m2006.txt
zbateson-mail-mime-parser/m2007.txt
zbateson-mail-mime-parser/m2008.txt
zbateson-mail-mime-parser/m2009.txt
zbateson-mail-mime-parser/m2010.txt
zbateson-mail-mime-parser/m2011.txt
zbateson-mail-mime-parser/m2012.txt
zbateson-mail-mime-parser/m2013.txt
zbateson-mail-mime-parser/m2014.txt
zbateson-mail-mime-parser/m2015.txt
zbateson-mail-mime-parser/m2016.txt
zbateson-mail-mime-parser/m3001.txt
zbateson-mail-mime-parser/m3002.txt
zbateson-mail-mime-parser/m3003.txt
zbateson-mail-mime-parser/m3004.txt
TWINS

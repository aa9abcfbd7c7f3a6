#!/usr/bin/perl
# Runs Sisimai 4 over messages that sisimai.ts has already split, one message at a time, and prints what
# Sisimai made of each as one JSON line. Spawned by sisimai.ts; not a tool on its own.
#
# Input on stdin, repeated: a line "ID<TAB>LENGTH\n", then LENGTH bytes of one message.
# Output on stdout, one line per message: {"id":ID,"records":[{reason,action,recipient,...}, ...]}
# ("records" is empty when Sisimai returns nothing, i.e. it does not read the message as a bounce), or
# {"id":ID,"error":TEXT} when Sisimai dies on it.
#
# Each message goes through the two steps Sisimai->make runs for every message it reads from an mbox or a
# Maildir (Sisimai::Message->new, then Sisimai::Data->make), with the option Sisimai->make passes on
# ("delivered"). Calling them directly keeps the message boundaries ours: Sisimai->make(\$text) would
# split the text again at every line that starts "From ".
use strict;
use warnings;
use JSON::PP;
use Sisimai;
use Sisimai::Message;
use Sisimai::Data;

# delivered => 1: Sisimai 4.25 drops records whose status is 2.x.x (delivery receipts) unless asked. Its
# auto-reply ("vacation") and feedback ("feedback") records need no option in 4.25.
my %options = ('delivered' => 1);
my $json = JSON::PP->new->ascii->canonical;

binmode STDIN;
binmode STDOUT;
$| = 1;

while (my $head = <STDIN>) {
    chomp $head;
    my ($id, $length) = split /\t/, $head, 2;
    die "sisimai.pl: bad frame header\n" unless defined $length && $length =~ /\A[0-9]+\z/;
    my $text = '';
    while (length $text < $length) {
        my $got = read STDIN, $text, $length - length $text, length $text;
        die "sisimai.pl: input ends inside $id\n" unless $got;
    }
    my $records = eval {
        my $message = Sisimai::Message->new('data' => $text);
        my $data = defined $message ? Sisimai::Data->make('data' => $message, 'origin' => $id, %options) : undef;
        [
            map {
                {
                    'reason'         => $_->reason,
                    'action'         => $_->action,
                    'recipient'      => $_->recipient->address,
                    'deliverystatus' => $_->deliverystatus,
                    'feedbacktype'   => $_->feedbacktype,
                    'smtpagent'      => $_->smtpagent,
                }
            } @{ $data // [] }
        ];
    };
    my $line = defined $records ? { 'id' => $id, 'records' => $records } : { 'id' => $id, 'error' => "$@" };
    print $json->encode($line), "\n";
}

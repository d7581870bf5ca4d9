package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/tiercel/tiercel/answer"
	"github.com/tiercel/tiercel/money"
	"github.com/tiercel/tiercel/rules"
)

var diffCommand = &command{
	name:     "diff",
	synopsis: `OLD.yaml NEW.yaml | --catalog OLD.yaml NEW.yaml | --builtin NAME NEW.yaml`,
	summary:  "what changed between two catalogs, on every surface where an answer can differ",
	help: `Diff reviews a change of catalog before it ships: it compiles both catalogs
and compares what they answer, surface by surface. Tiers (added, removed,
aliases, family, legacy, languages, channels, services); every metric's
target for every priority, as written and through its calendar (hours,
holidays, closed dates, zone); rules (added, removed, changed, reordered,
with the tiers, metrics and priorities each can decide); every price
version (effective date, currency, minimum, maximum, model, bands,
proration), with the exact fee difference as a function of the spend (its
smallest and largest value and the spends where they occur, from the band
limits) and which contracts pay the version; calendars, migrations, the
lifecycle section, permissions and billing. Changes of names, descriptions
and sources are listed as cosmetic: they change no answer.

The old catalog is OLD.yaml, or the --catalog files, or the --builtin
catalog (tiercel diff --builtin default mine.yaml).

With --from and --to, each target that changed also shows its effect on
due instants for an account (--zone, --country) over the window [--from,
--to), exactly as compare computes it: the old catalog's clock against the
new one's.

Diff exits with status 1 when something changed that can change an answer
and 0 when nothing did (cosmetic changes only), as diff(1) does; an error
exits with its own status (2 to 6), never 1.`,
	example: `tiercel diff rules/catalog/default.yaml rules/catalog/default.yaml
tiercel diff --builtin default rules/catalog/default.yaml --zone America/New_York --country us --from 2026-01-01 --to 2027-01-01
tiercel diff --output json --builtin aws rules/catalog/aws.yaml`,
	setup: func(fs *flag.FlagSet) func(*cli, []string) error {
		var o scopeFlags
		fs.StringVar(&o.zone, "zone", "", "the account's IANA time `zone` for the effects (with --from and --to)")
		fs.StringVar(&o.country, "country", "", "the account's holiday `country` for the effects, e.g. us")
		fs.StringVar(&o.from, "from", "", "the first opening of the effects' window, a `date` (midnight in --zone) or RFC 3339")
		fs.StringVar(&o.to, "to", "", "the end of the effects' window, excluded, a `date` or RFC 3339")
		return func(c *cli, args []string) error {
			want := 2
			if c.customCatalog() {
				want = 1
			}
			if len(args) != want {
				if want == 1 {
					return usagef("with %s as the old catalog, give the new catalog only; got %s", c.catalogFlag(), plural(len(args), "argument"))
				}
				return usagef("want two catalogs, OLD and NEW (or --catalog/--builtin and NEW); got %s", plural(len(args), "argument"))
			}
			scope, err := o.scope()
			if err != nil {
				return err
			}
			return c.diff(args, scope)
		}
	},
}

// diff compares the old catalog (the first argument, or --catalog or
// --builtin) with the new one, the last argument.
func (c *cli) diff(args []string, scope *rules.Scope) error {
	var older *rules.Engine
	var err error
	if c.customCatalog() {
		older, err = c.engine()
	} else {
		older, err = rules.Load(args[0])
	}
	if err != nil {
		return builtinHint(err, args[:1])
	}
	newer, err := rules.Load(args[len(args)-1])
	if err != nil {
		return builtinHint(err, args[len(args)-1:])
	}
	report, err := rules.Diff(older, newer, rules.DiffOptions{Scope: scope})
	if errors.Is(err, rules.ErrInvalidScope) {
		return usagef("%v", err)
	}
	if err != nil {
		return err
	}
	if c.json() {
		err = c.writeJSON(answer.NewDiff(report, scope))
	} else {
		writeDiff(c.stdout, &report)
	}
	if err != nil {
		return err
	}
	if report.Changed {
		return errFailed
	}
	return nil
}

// writeDiff writes the text report: one block per changed part, surface
// by surface, then the cosmetic changes and a last line that says whether
// an answer can change.
func writeDiff(w io.Writer, r *rules.DiffReport) {
	for _, t := range r.Tiers {
		fmt.Fprintf(w, "tier %s: %s\n", t.Tier, t.Status)
		writeFields(w, t.Fields)
		for _, g := range t.Targets {
			writeTarget(w, &g)
		}
		for _, p := range t.Prices {
			writePrice(w, &p)
		}
	}
	writeParts(w, "calendar", r.Calendars)
	for _, x := range r.Rules {
		writeRule(w, &x)
	}
	writeParts(w, "migration", r.Migrations)
	writeSection(w, "lifecycle", r.Lifecycle)
	writeParts(w, "permission", r.Permissions)
	writeSection(w, "billing", r.Billing)
	if len(r.Cosmetic) > 0 {
		fmt.Fprintln(w, "cosmetic (changes no answer):")
		writeFields(w, r.Cosmetic)
	}
	if r.Changed {
		fmt.Fprintln(w, "answers can change")
	} else {
		fmt.Fprintln(w, "no change that can change an answer")
	}
}

// writeFields writes changed fields, one a line: "  path: old -> new".
func writeFields(w io.Writer, fs []rules.FieldChange) {
	for _, f := range fs {
		fmt.Fprintf(w, "  %s: %s -> %s\n", f.Path, orNone(f.Old), orNone(f.New))
	}
}

// orNone writes an unset value as "-".
func orNone(s string) string {
	if s == "" {
		return "-"
	}
	return strings.ReplaceAll(s, "\n", " ")
}

func writeParts(w io.Writer, what string, ps []rules.PartDiff) {
	for _, p := range ps {
		fmt.Fprintf(w, "%s %s: %s\n", what, p.ID, p.Status)
		writeFields(w, p.Fields)
	}
}

func writeSection(w io.Writer, name string, fs []rules.FieldChange) {
	if len(fs) == 0 {
		return
	}
	fmt.Fprintf(w, "%s: changed\n", name)
	writeFields(w, fs)
}

func writeTarget(w io.Writer, g *rules.TargetDiff) {
	fmt.Fprintf(w, "  %s %s: %s -> %s (%s)\n", g.Metric, g.Priority, orNone(g.Old), orNone(g.New), g.Kind)
	if len(g.Calendar) > 0 {
		what := make([]string, len(g.Calendar))
		for i, f := range g.Calendar {
			what[i] = f.Path
		}
		cal := g.New[strings.LastIndexByte(g.New, ' ')+1:]
		fmt.Fprintf(w, "    calendar %s changed: %s\n", cal, strings.Join(what, ", "))
	}
	switch {
	case g.Effect != nil:
		fmt.Fprintf(w, "    effect: %s\n", g.Effect)
	case g.EffectError != "":
		fmt.Fprintf(w, "    effect: not computed: %s\n", g.EffectError)
	}
}

func writePrice(w io.Writer, p *rules.PriceDiff) {
	fmt.Fprintf(w, "  price version %d (effective %s): %s\n", p.Version, p.Effective, p.Status)
	for _, f := range p.Fields {
		fmt.Fprintf(w, "    %s: %s -> %s\n", f.Path, orNone(f.Old), orNone(f.New))
	}
	if f := p.Fees; f != nil {
		fmt.Fprintf(w, "    fee difference: smallest %s at spend %s, largest %s at spend %s (spends up to %s)\n",
			signedMoney(f.Min), f.MinSpend, signedMoney(f.Max), f.MaxSpend, f.Limit)
	}
	if p.FeesError != "" {
		fmt.Fprintf(w, "    fee difference: not computed: %s\n", p.FeesError)
	}
	fmt.Fprintf(w, "    paid by: %s\n", p.Paid)
}

func writeRule(w io.Writer, x *rules.RuleDiff) {
	status := x.Status
	if x.Moved {
		status += fmt.Sprintf(", moved from place %d to %d", x.OldIndex, x.NewIndex)
	}
	fmt.Fprintf(w, "rule %s: %s (can decide: tiers %s; %s; %s)\n", x.ID, status,
		listOrNone(x.Tiers), listOrNone(x.Metrics), listOrNone(x.Priorities))
	writeFields(w, x.Fields)
}

func listOrNone(s []string) string {
	if len(s) == 0 {
		return "none"
	}
	return strings.Join(s, ", ")
}

// signedMoney writes m with its sign: "+615.00 USD", "-20.00 USD", "0.00 USD".
func signedMoney(m money.Money) string {
	if m.Sign() > 0 {
		return "+" + m.String()
	}
	return m.String()
}

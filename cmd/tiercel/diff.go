package main

import (
	"flag"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/tiercel/tiercel/answer"
	"github.com/tiercel/tiercel/billing"
	"github.com/tiercel/tiercel/money"
	"github.com/tiercel/tiercel/rules"
	"github.com/tiercel/tiercel/slo"
)

var diffCommand = &command{
	name:     "diff",
	synopsis: `OLD.yaml NEW.yaml | CATALOG.yaml --from DATE --to DATE`,
	summary:  "what a catalog change does to each tier: response targets and fees at reference spends",
	help: `Diff reviews a change of catalog before it ships. For every tier of either
catalog it reports whether the tier was added, removed, changed or left
alone; for a changed tier, each response target that changed (as compare
reports it) and the monthly fee at the reference spends 0, 10,000, 85,000,
250,000 and 1,200,000 in the price's currency where the fee changed.

With two files, each tier's newest price version is compared. With one
file and --from and --to, the same catalog is compared with itself and the
fees are those of the price versions in force at the two instants (dates
mean midnight UTC): the review of a price-book version.

Diff reads the catalogs it is given, not --catalog. It exits with status
1 when anything changed and 0 when nothing did, as diff(1) does, so that a
script can tell; an error exits with its own status (2 to 6), never 1.`,
	example: `tiercel diff rules/catalog/default.yaml --from 2025-01-01 --to 2026-07-01
tiercel diff --output json rules/catalog/default.yaml rules/catalog/default.yaml`,
	setup: func(fs *flag.FlagSet) func(*cli, []string) error {
		var from, to string
		fs.StringVar(&from, "from", "", "with one catalog: the old instant, `DATE` or RFC 3339")
		fs.StringVar(&to, "to", "", "with one catalog: the new instant, `DATE` or RFC 3339")
		return func(c *cli, args []string) error {
			switch {
			case len(args) == 2 && from == "" && to == "":
				return c.diff(args[0], args[1], time.Time{}, time.Time{})
			case len(args) == 1 && from != "" && to != "":
				f, err := parseInstant("from", from, time.UTC)
				if err != nil {
					return err
				}
				t, err := parseInstant("to", to, time.UTC)
				if err != nil {
					return err
				}
				return c.diff(args[0], args[0], f, t)
			case len(args) == 1:
				return usagef("with one catalog, give --from and --to (the two instants whose prices to compare)")
			}
			return usagef("want two catalogs, or one with --from and --to; got %s", plural(len(args), "argument"))
		}
	},
}

// referenceSpends are the monthly spends, in whole units of the price's
// currency, at which diff compares fees.
var referenceSpends = []string{"0", "10000", "85000", "250000", "1200000"}

// feeDiffJSON is the fee of a tier at one reference spend in the old and
// the new catalog: Old or New is null when that catalog has no price, and
// NewSpend is the spend in the new price's currency when it differs.
type feeDiffJSON struct {
	Spend      money.Money  `json:"spend"`
	NewSpend   *money.Money `json:"newSpend,omitempty"`
	Old        *money.Money `json:"old"`
	New        *money.Money `json:"new"`
	Difference *money.Money `json:"difference,omitempty"`
}

type tierDiffJSON struct {
	Tier     string          `json:"tier"`
	Status   string          `json:"status"` // added, removed, changed or unchanged
	Response []answer.Change `json:"response,omitempty"`
	Fees     []feeDiffJSON   `json:"fees,omitempty"`
}

type diffJSON struct {
	Changed bool           `json:"changed"`
	Tiers   []tierDiffJSON `json:"tiers"`
}

func (c *cli) diff(oldFile, newFile string, from, to time.Time) error {
	older, err := rules.Load(oldFile)
	if err != nil {
		return err
	}
	newer := older
	if newFile != oldFile {
		if newer, err = rules.Load(newFile); err != nil {
			return err
		}
	}
	var out diffJSON
	ids := older.Tiers()
	for _, id := range newer.Tiers() {
		if _, err := older.Tier(id); err != nil {
			ids = append(ids, id)
		}
	}
	for _, id := range ids {
		d, err := diffTier(older, newer, id, from, to)
		if err != nil {
			return err
		}
		out.Changed = out.Changed || d.Status != "unchanged"
		out.Tiers = append(out.Tiers, d)
	}
	if c.json() {
		if err := c.writeJSON(out); err != nil {
			return err
		}
	} else {
		c.writeDiff(&out)
	}
	if out.Changed {
		return errFailed
	}
	return nil
}

// diffTier compares the tier id of two engines: its response targets and,
// at the reference spends, the fee of its price in force at from and to
// (the newest version when they are zero).
func diffTier(older, newer *rules.Engine, id string, from, to time.Time) (tierDiffJSON, error) {
	d := tierDiffJSON{Tier: id, Status: "unchanged"}
	a, errA := older.Tier(id)
	b, errB := newer.Tier(id)
	switch {
	case errA != nil:
		d.Status = "added"
		return d, nil
	case errB != nil:
		d.Status = "removed"
		return d, nil
	}
	d.Response = answer.NewChanges(slices.DeleteFunc(slo.Compare(a.Targets["response"], b.Targets["response"]), func(ch slo.Change) bool {
		return ch.Kind == slo.Unchanged && !ch.CalendarChanged()
	}))
	fees, err := diffFees(priceAt(a, from), priceAt(b, to))
	if err != nil {
		return d, fmt.Errorf("tier %q: %w", id, err)
	}
	d.Fees = fees
	if len(d.Response) > 0 || len(d.Fees) > 0 {
		d.Status = "changed"
	}
	return d, nil
}

// priceAt returns the version of t's prices in force at at, the newest
// when at is zero, and nil when there is none.
func priceAt(t rules.Tier, at time.Time) *billing.Price {
	if at.IsZero() || len(t.Prices) == 0 {
		return t.Price
	}
	if i := t.Prices.Index(at); i >= 0 {
		return &t.Prices[i].Price
	}
	return nil
}

// diffFees returns the fees of a and b (either may be nil: no price) at the
// reference spends where they differ. Each price is quoted in its own
// currency; the difference is given when both are in one currency.
func diffFees(a, b *billing.Price) ([]feeDiffJSON, error) {
	if a == nil && b == nil {
		return nil, nil
	}
	var out []feeDiffJSON
	for _, s := range referenceSpends {
		var row feeDiffJSON
		oldFee, oldSpend, err := feeAt(a, s)
		if err != nil {
			return nil, err
		}
		newFee, newSpend, err := feeAt(b, s)
		if err != nil {
			return nil, err
		}
		if oldFee == newFee && oldSpend == newSpend {
			continue
		}
		row.Spend, row.Old, row.New = oldSpend, orNull(oldFee), orNull(newFee)
		switch {
		case oldSpend == (money.Money{}):
			row.Spend = newSpend
		case newSpend != (money.Money{}) && newSpend != oldSpend: // the currency changed
			row.NewSpend = &newSpend
		}
		if oldFee != (money.Money{}) && newFee.Currency() == oldFee.Currency() {
			diff, err := newFee.Sub(oldFee)
			if err != nil {
				return nil, err
			}
			row.Difference = &diff
		}
		out = append(out, row)
	}
	return out, nil
}

// feeAt returns the fee of p (nil: no price) at the reference spend s in
// p's currency, and that spend; zero Money for both when p is nil.
func feeAt(p *billing.Price, s string) (fee, spend money.Money, err error) {
	if p == nil {
		return money.Money{}, money.Money{}, nil
	}
	if spend, err = money.ParseAmount(s, p.Currency); err != nil {
		return money.Money{}, money.Money{}, err
	}
	fee, err = p.Fee(spend)
	return fee, spend, err
}

// orNull returns &m, or nil for the zero Money (no price).
func orNull(m money.Money) *money.Money {
	if m == (money.Money{}) {
		return nil
	}
	return &m
}

// feeText writes a fee, or "-" for no price.
func feeText(m *money.Money) string {
	if m == nil {
		return "-"
	}
	return m.String()
}

// signed writes m with its sign: "+615.00 USD", "-20.00 USD", "0.00 USD";
// "" for nil (no difference: the currencies differ or a price is missing).
func signed(m *money.Money) string {
	if m == nil {
		return ""
	}
	if m.Sign() > 0 {
		return "+" + m.String()
	}
	return m.String()
}

// writeDiff writes the text report: one block per tier that changed, then
// the tiers left alone on one line.
func (c *cli) writeDiff(out *diffJSON) {
	var same []string
	for _, d := range out.Tiers {
		if d.Status == "unchanged" {
			same = append(same, d.Tier)
			continue
		}
		fmt.Fprintf(c.stdout, "%s: %s\n", d.Tier, d.Status)
		if len(d.Response) == 0 && len(d.Fees) == 0 {
			continue
		}
		t := c.table()
		for _, r := range d.Response {
			t.row("  response "+r.Priority, answerTarget(r.From)+" -> "+answerTarget(r.To), r.Change)
		}
		for _, f := range d.Fees {
			spend := f.Spend.String()
			if f.NewSpend != nil {
				spend += " / " + f.NewSpend.String()
			}
			t.row("  fee at "+spend, feeText(f.Old)+" -> "+feeText(f.New), signed(f.Difference))
		}
		t.flush()
	}
	if len(same) > 0 {
		fmt.Fprintf(c.stdout, "unchanged: %s\n", strings.Join(same, ", "))
	}
	if !out.Changed {
		fmt.Fprintln(c.stdout, "no change")
	}
}

// answerTarget writes a target of an answer, "-" for none.
func answerTarget(t *answer.Target) string {
	if t == nil {
		return "-"
	}
	return t.Text
}

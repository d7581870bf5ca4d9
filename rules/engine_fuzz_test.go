package rules

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/tiercel/tiercel/money"
	"github.com/tiercel/tiercel/slo"
)

// fuzzZones are the zones random catalogs and cases use: no DST, DST in
// both hemispheres, a half-hour offset and a zone far from UTC.
var fuzzZones = []string{"UTC", "America/New_York", "Europe/Paris", "Australia/Sydney", "Asia/Kolkata", "Pacific/Auckland", "Asia/Tokyo"}

// fuzzCatalog writes a random but well-formed catalog: calendars with
// random spans, holidays and zones (some in the account's zone), tiers with
// random targets (some far beyond a human lifetime), rules with random
// conditions, and graduated prices.
func fuzzCatalog(r *rand.Rand) string {
	var b strings.Builder
	b.WriteString("calendars:\n")
	nCal := 1 + r.IntN(3)
	cals := []string{"24x7"}
	// Day keys that never overlap: either a group or single days.
	dayGroups := [][]string{
		{"mon-fri", "sat", "sun"}, {"daily"}, {"mon-fri", "weekends"},
		{"mon", "tue", "wed", "thu", "fri", "sat", "sun"},
	}
	for i := range nCal {
		id := fmt.Sprintf("cal%d", i)
		cals = append(cals, id)
		zone := fuzzZones[r.IntN(len(fuzzZones))]
		if r.IntN(3) == 0 {
			zone = "account"
		}
		fmt.Fprintf(&b, "  %s:\n    zone: %s\n    hours:\n", id, zone)
		group := dayGroups[r.IntN(len(dayGroups))]
		for j, d := range group {
			if j > 0 && r.IntN(2) == 0 {
				continue
			}
			var spans []string
			at := r.IntN(12) * 60
			for range 1 + r.IntN(3) {
				if at >= 24*60 {
					break
				}
				end := at + 1 + r.IntN(24*60-at)
				if r.IntN(4) == 0 {
					end = 24 * 60
				}
				spans = append(spans, fmt.Sprintf("%02d:%02d-%02d:%02d", at/60, at%60, end/60, end%60))
				at = end + 1 + r.IntN(120)
			}
			fmt.Fprintf(&b, "      %s: %q\n", d, strings.Join(spans, ", "))
		}
		if r.IntN(2) == 0 {
			b.WriteString("    holidays: [us, gb]\n")
		}
		if r.IntN(3) == 0 {
			fmt.Fprintf(&b, "    closed: [\"%d-%02d-%02d\"]\n", 2025+r.IntN(3), 1+r.IntN(12), 1+r.IntN(28))
		}
	}
	b.WriteString("tiers:\n")
	nTier := 1 + r.IntN(3)
	for i := range nTier {
		fmt.Fprintf(&b, "  t%d:\n    name: Tier %d\n    family: f%d\n    response:\n", i, i, r.IntN(2))
		for p := slo.P1; p <= slo.P4; p++ {
			if p != slo.P1 && r.IntN(5) == 0 {
				continue
			}
			fmt.Fprintf(&b, "      %s: %s %s\n", p, fuzzDuration(r), cals[r.IntN(len(cals))])
		}
		if r.IntN(2) == 0 {
			fmt.Fprintf(&b, "    price:\n      currency: USD\n      minimum: \"%d\"\n      bands:\n", r.IntN(1000))
			up := 0
			for range r.IntN(3) {
				up += 1 + r.IntN(100000)
				fmt.Fprintf(&b, "        - {upTo: \"%d\", rate: %d%%}\n", up, r.IntN(20))
			}
			fmt.Fprintf(&b, "        - {rate: %d.%d%%}\n", r.IntN(20), r.IntN(10))
		}
	}
	conds := []string{
		"case.language == 'ja'", "case.attrs['vip'] == true", "tier.family == 'f1'",
		"case.priority in ['P1', 'P2']", "now - case.opened > duration('1h')",
		"case.account.startsWith('acme')", "size(case.language) > 2",
	}
	if n := r.IntN(4); n > 0 {
		b.WriteString("rules:\n")
		for i := range n {
			fmt.Fprintf(&b, "  - id: r%d\n    when: %s\n", i, conds[r.IntN(len(conds))])
			if r.IntN(2) == 0 {
				fmt.Fprintf(&b, "    within: %s\n", fuzzDuration(r))
			}
			fmt.Fprintf(&b, "    calendar: %s\n", cals[r.IntN(len(cals))])
		}
	}
	return b.String()
}

// fuzzDuration is a response time from minutes to far beyond any contract.
func fuzzDuration(r *rand.Rand) string {
	switch r.IntN(4) {
	case 0:
		return fmt.Sprintf("%dm", 1+r.IntN(600))
	case 1:
		return fmt.Sprintf("%dh", 1+r.IntN(100))
	case 2:
		return fmt.Sprintf("%dh%ds", 1+r.IntN(5000), r.IntN(60))
	}
	return fmt.Sprintf("%dh", 1+r.Int64N(2_562_047))
}

// FuzzEngine compiles random catalogs and evaluates random cases with
// Deadline, Status, Compare and Quote. Nothing may panic; every error must
// wrap one of the package's sentinels; every deadline must be the target's
// open time after the opening and fall at the end of open time.
func FuzzEngine(f *testing.F) {
	for i := range uint64(8) {
		f.Add(i, i*7919, int64(1_770_000_000)+int64(i)*86_000)
	}
	f.Fuzz(func(t *testing.T, catSeed, caseSeed uint64, openedSec int64) {
		r := rand.New(rand.NewPCG(catSeed, 0x7469657263656c))
		src := fuzzCatalog(r)
		e, err := Compile("fuzz.yaml", []byte(src))
		if err != nil {
			// Only targets past the maximum may be refused.
			require.ErrorIs(t, err, ErrInvalidCatalog, "catalog:\n%s", src)
			require.Contains(t, err.Error(), "maximum", "catalog:\n%s", src)
			return
		}
		cr := rand.New(rand.NewPCG(caseSeed, 0x636173))
		// Openings from 1990 to 2100.
		sec := 631_152_000 + openedSec%(4_102_444_800-631_152_000)
		if sec < 631_152_000 {
			sec += 4_102_444_800 - 631_152_000
		}
		for range 8 {
			c := Case{
				Tier:     e.Tiers()[cr.IntN(len(e.Tiers()))],
				Priority: slo.Priority(1 + cr.IntN(4)),
				Opened:   time.Unix(sec+cr.Int64N(86400*14), 0).In(loadZoneT(t, fuzzZones[cr.IntN(len(fuzzZones))])),
				Zone:     fuzzZones[cr.IntN(len(fuzzZones))],
				Language: []string{"en", "ja", "fr"}[cr.IntN(3)],
				Account:  []string{"acme-1", "globex"}[cr.IntN(2)],
				Attrs:    map[string]any{"vip": cr.IntN(2) == 0},
			}
			checkDecision(t, e, c, src)
		}
		for _, a := range e.Tiers() {
			for _, b := range e.Tiers() {
				changes, err := e.Compare(a, b)
				require.NoError(t, err)
				require.LessOrEqual(t, len(changes), 4)
				for _, ch := range changes {
					require.True(t, ch.Priority.Valid())
					require.NotEmpty(t, ch.Kind.String())
				}
			}
			spend, err := money.NewMoney(cr.Int64N(1_000_000_000_000), "USD")
			require.NoError(t, err)
			q, err := e.Quote(a, spend)
			if err != nil {
				require.ErrorIs(t, err, ErrNoPrice)
				continue
			}
			require.Equal(t, "USD", q.Total.Currency())
			require.GreaterOrEqual(t, q.Total.Sign(), 0)
		}
	})
}

// checkDecision checks one case's deadline and status against the calendar
// that decided it.
func checkDecision(t *testing.T, e *Engine, c Case, src string) {
	t.Helper()
	d, err := e.Deadline(c)
	if err != nil {
		require.True(t, errors.Is(err, ErrNoTarget) || errors.Is(err, ErrCostLimit) || errors.Is(err, ErrEvaluation),
			"unexpected error %v for %+v in\n%s", err, c, src)
		return
	}
	cal, ok := e.Calendar(d.Target.Calendar)
	require.True(t, ok)
	opened := c.Opened
	if cal.NeedsZone() {
		opened = opened.In(loadZoneT(t, c.Zone))
	}
	require.False(t, d.Due.Before(c.Opened), "due %v before opened %v", d.Due, c.Opened)
	require.Equal(t, d.Target.Within, cal.Elapsed(opened, d.Due),
		"open time from %v to due %v is not the target %v (rule %s) in\n%s", opened, d.Due, d.Target, d.Rule, src)
	require.True(t, cal.IsOpen(d.Due.In(opened.Location()).Add(-time.Nanosecond)),
		"the instant before due %v is closed (target %v, rule %s) in\n%s", d.Due, d.Target, d.Rule, src)

	now := c.Opened.Add(time.Duration(1+len(c.Account)) * 37 * time.Minute)
	p, err := e.Status(c, now)
	require.NoError(t, err)
	require.True(t, p.Deadline.Due.Equal(d.Due), "status due %v, deadline due %v", p.Deadline.Due, d.Due)
	require.Equal(t, d.Target.Within-p.Status.Elapsed, p.Status.Remaining)
	require.Equal(t, now.After(d.Due), p.Status.Breached)
}

func loadZoneT(t *testing.T, name string) *time.Location {
	t.Helper()
	l, err := loadZone(name)
	require.NoError(t, err)
	return l
}

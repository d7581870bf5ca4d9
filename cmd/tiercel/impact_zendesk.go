package main

import (
	"flag"
	"fmt"
	"time"

	"github.com/tiercel/tiercel/input"
	"github.com/tiercel/tiercel/rules"
)

// impactSource says how impact reads its history files: case files and
// JSON-lines histories, or the pages of a Zendesk export (zendesk).
type impactSource struct {
	now     *time.Time // --now; nil when not given
	zendesk bool       // --zendesk
	tier    string     // --tier, the tier of a Zendesk export's tickets
}

// check refuses --tier without --zendesk: it names the tier of a ticket,
// and a case file names its own.
func (s *impactSource) check(fs *flag.FlagSet) error {
	var err error
	fs.Visit(func(f *flag.Flag) {
		if f.Name == "tier" && !s.zendesk {
			err = usagef("--tier is the tier of a Zendesk export's tickets: give --zendesk too (a case file names its own tier)")
		}
	})
	return err
}

// load reads the history files; older is the old catalog, which must know
// the tickets' tier.
func (s *impactSource) load(older *rules.Engine, files []string) (*impactHistories, error) {
	if !s.zendesk {
		return loadImpactHistories(files, s.now)
	}
	if _, err := older.Tier(s.tier); err != nil {
		return nil, fmt.Errorf("--tier: %w", err)
	}
	x, err := input.LoadZendeskExport(files...)
	if err != nil {
		return nil, err
	}
	return zendeskHistories(x, s.tier, s.now), nil
}

// zendeskHistories are the tickets of the export x on tier, each read at
// now, by default the export's latest instant (as audit reads them): its
// events up to then; a ticket opened after then is left out. An export
// without an instant (no audit, no event) and no now has no instant to
// report (hasNow false), and no ticket.
func zendeskHistories(x *input.ZendeskExport, tier string, now *time.Time) *impactHistories {
	hs := &impactHistories{zendesk: true, now: x.Latest, hasNow: !x.Latest.IsZero()}
	if now != nil {
		hs.now, hs.hasNow = *now, true
	}
	for i := range x.Tickets {
		t := &x.Tickets[i]
		h, ok := t.History(tier, hs.now)
		if !ok {
			hs.leftOut++
			continue
		}
		hs.add(h, fmt.Sprintf("ticket %s (%s)", t.ID, h.At()))
	}
	return hs
}

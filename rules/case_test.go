package rules

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tiercel/tiercel/billing"
	"github.com/tiercel/tiercel/entitlement"
	"github.com/tiercel/tiercel/money"
	"github.com/tiercel/tiercel/slo"
)

func TestCaseNow(t *testing.T) {
	opened := at(t, "2026-03-02T09:00:00Z", "UTC")
	later := at(t, "2026-03-03T09:00:00Z", "UTC")
	assert.Equal(t, opened, (&Case{Opened: opened}).now(), "a nil Now is the opening")
	assert.Equal(t, later, (&Case{Opened: opened, Now: &later}).now())
}

// The CEL view of a case carries every field, the tier's id as resolved,
// and leaves an invalid priority empty.
func TestCaseCEL(t *testing.T) {
	c := Case{Tier: "advanced", Priority: slo.P2, Opened: at(t, "2026-03-02T09:00:00Z", "UTC"), Zone: "Asia/Tokyo",
		Language: "ja", Account: "a-1", Country: "jp", Attrs: map[string]any{"k": 1}}
	var kase celCase
	var account celAccount
	c.cel("enhanced", &kase, &account)
	assert.Equal(t, celCase{Tier: "enhanced", Priority: "P2", Opened: c.Opened, Zone: "Asia/Tokyo", Language: "ja",
		Account: "a-1", Country: "jp", Attrs: c.Attrs, given: true}, kase)
	assert.Equal(t, celAccount{ID: "a-1", Zone: "Asia/Tokyo", Country: "jp"}, account)

	c.Priority, c.Attrs = 9, nil
	c.cel("", &kase, &account)
	assert.Empty(t, kase.Priority)
	assert.Empty(t, kase.Tier)
	assert.NotNil(t, kase.Attrs, "CEL sees an empty map, not null")
}

// zoneWant is what a question answers for one zone: an outcome, or an
// error wrapping err.
type zoneWant struct {
	outcome string
	err     error
}

// An empty zone means one thing in every question: no zone given. Instants
// are then given in the calendar's own zone or UTC (Deadline, Status,
// Timeline), a contract's effects are not computed (Eligibility, Plan),
// and a calendar that runs in the account's zone fails with
// ErrZoneRequired. A zone that is not an IANA name is ErrInvalidZone
// everywhere, whatever the calendars. The README's "Zones" paragraph says
// the same.
func TestZoneInEveryQuestion(t *testing.T) {
	e := Default()
	opened := at(t, "2026-03-02T10:00:00Z", "UTC")
	kase := func(tier, zone string, p slo.Priority) Case {
		return Case{Tier: tier, Priority: p, Opened: opened, Zone: zone}
	}
	contract := func(zone string) entitlement.Contract {
		c := lookerContract()
		c.Zone = zone
		return c
	}
	effects := func(changes []slo.Change) string {
		for _, ch := range changes {
			if ch.Effect != nil {
				return "effects"
			}
		}
		return "no effects"
	}
	at := time.Date(2023, 9, 15, 0, 0, 0, 0, time.UTC)
	questions := []struct {
		name                  string
		ask                   func(zone string) (string, error)
		empty, valid, invalid zoneWant
	}{
		{"Deadline on 24x7", func(z string) (string, error) {
			d, err := e.Deadline(kase("enhanced", z, slo.P1))
			return d.Location.String(), err
		}, zoneWant{outcome: "UTC"}, zoneWant{outcome: "Asia/Tokyo"}, zoneWant{err: ErrInvalidZone}},
		{"Deadline on the calendar's own zone", func(z string) (string, error) {
			d, err := e.Deadline(kase("looker-premier", z, slo.P1))
			return d.Location.String(), err
		}, zoneWant{outcome: "America/Los_Angeles"}, zoneWant{outcome: "Asia/Tokyo"}, zoneWant{err: ErrInvalidZone}},
		{"Deadline on the account's zone", func(z string) (string, error) {
			d, err := e.Deadline(kase("standard", z, slo.P1))
			return d.Location.String(), err
		}, zoneWant{err: ErrZoneRequired}, zoneWant{outcome: "Asia/Tokyo"}, zoneWant{err: ErrInvalidZone}},
		{"Status", func(z string) (string, error) {
			p, err := e.Status(kase("enhanced", z, slo.P1), opened.Add(time.Hour))
			return p.Deadline.Location.String() + " " + p.Status.Due.Location().String(), err
		}, zoneWant{outcome: "UTC UTC"}, zoneWant{outcome: "Asia/Tokyo Asia/Tokyo"}, zoneWant{err: ErrInvalidZone}},
		{"Timeline", func(z string) (string, error) {
			tl, err := e.Timeline(kase("enhanced", z, slo.P1), nil, opened.Add(time.Hour))
			return tl.Location.String(), err
		}, zoneWant{outcome: "UTC"}, zoneWant{outcome: "Asia/Tokyo"}, zoneWant{err: ErrInvalidZone}},
		{"Timeline on the account's zone", func(z string) (string, error) {
			tl, err := e.Timeline(kase("standard", z, slo.P1), nil, opened.Add(time.Hour))
			return tl.Location.String(), err
		}, zoneWant{err: ErrZoneRequired}, zoneWant{outcome: "Asia/Tokyo"}, zoneWant{err: ErrInvalidZone}},
		{"CompareIn", func(z string) (string, error) {
			ch, err := e.CompareIn("looker-premier", "standard", Scope{Zone: z, From: opened, To: opened.AddDate(0, 1, 0)})
			return effects(ch), err
		}, zoneWant{err: ErrZoneRequired}, zoneWant{outcome: "effects"}, zoneWant{err: ErrInvalidZone}},
		{"Eligibility", func(z string) (string, error) {
			el, err := e.Eligibility(contract(z), at)
			return strings.Join(el.Reasons, " "), err
		}, zoneWant{outcome: "effective changes need the account's zone"}, zoneWant{outcome: "for an account in Asia/Tokyo"}, zoneWant{err: ErrInvalidZone}},
		{"Plan", func(z string) (string, error) {
			p, err := e.Plan(contract(z), at)
			if err != nil {
				return "", err
			}
			return effects(p.Options[0].Changes), nil
		}, zoneWant{outcome: "no effects"}, zoneWant{outcome: "effects"}, zoneWant{err: ErrInvalidZone}},
		{"Allowed", func(z string) (string, error) {
			d, err := e.Allowed("chat.use", entitlement.Principal{ID: "u"}, kase("enhanced", z, slo.P1))
			return fmt.Sprint(d.Allowed), err
		}, zoneWant{outcome: "false"}, zoneWant{outcome: "false"}, zoneWant{err: ErrInvalidZone}},
		{"Invoice", func(z string) (string, error) {
			c := contract(z)
			c.Billing.Fee = money.MustParseMoney("5000 USD")
			inv, err := e.Invoice(c, billing.Months{Year: 2024, Month: time.January, Count: 1}, nil)
			return inv.Total.String(), err
		}, zoneWant{outcome: "5000.00 USD"}, zoneWant{outcome: "5000.00 USD"}, zoneWant{err: ErrInvalidZone}},
	}
	for _, q := range questions {
		for _, z := range []struct {
			kind, zone string
			want       zoneWant
		}{{"empty", "", q.empty}, {"valid", "Asia/Tokyo", q.valid}, {"invalid", "Mars/Olympus", q.invalid}} {
			t.Run(q.name+"/"+z.kind, func(t *testing.T) {
				got, err := q.ask(z.zone)
				if z.want.err != nil {
					require.ErrorIs(t, err, z.want.err)
					return
				}
				require.NoError(t, err)
				assert.Contains(t, got, z.want.outcome)
			})
		}
	}
}

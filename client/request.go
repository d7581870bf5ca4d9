package client

import (
	"fmt"
	"time"

	"github.com/tiercel/tiercel/billing"
	"github.com/tiercel/tiercel/entitlement"
	"github.com/tiercel/tiercel/money"
	"github.com/tiercel/tiercel/rules"
)

// The request bodies: the keys of the case, contract and spends files, as
// the service reads them; instants in RFC 3339 with nanoseconds, money as
// "85000.00 USD".

// instant writes t as the service reads an instant.
func instant(t time.Time) string { return t.Format(time.RFC3339Nano) }

// caseBody is a rules.Case as the service reads it: the keys of a case
// file, with its events for the status and timeline questions.
type caseBody struct {
	Tier     string         `json:"tier"`
	Priority string         `json:"priority"`
	Opened   string         `json:"opened"`
	Zone     string         `json:"zone,omitempty"`
	Language string         `json:"language,omitempty"`
	Account  string         `json:"account,omitempty"`
	Country  string         `json:"country,omitempty"`
	Attrs    map[string]any `json:"attrs,omitempty"`
	Now      string         `json:"now,omitempty"`
	Events   []eventBody    `json:"events,omitempty"`
}

// eventBody is a rules.Event as a case file writes it.
type eventBody struct {
	At       string         `json:"at"`
	Type     string         `json:"type"`
	Status   string         `json:"status,omitempty"`
	By       string         `json:"by,omitempty"`
	Priority string         `json:"priority,omitempty"`
	Tier     string         `json:"tier,omitempty"`
	Attrs    map[string]any `json:"attrs,omitempty"`
}

// newCaseBody returns c as a request, with now when not nil (else c.Now).
// A case with Pauses is refused with ErrUnsupported: no request carries
// them, and dropping them would change the answer. A priority that is not
// P1-P4 is refused as the engine refuses it (rules.ErrInvalidCase), where
// the service would read its text as a bad input document.
func newCaseBody(c rules.Case, now *time.Time) (caseBody, error) {
	if len(c.Pauses) > 0 {
		return caseBody{}, fmt.Errorf("%w: a case's Pauses (send events that pause the clock instead)", ErrUnsupported)
	}
	if !c.Priority.Valid() {
		return caseBody{}, fmt.Errorf("%w: priority %d is not P1-P4", rules.ErrInvalidCase, c.Priority)
	}
	b := caseBody{Tier: c.Tier, Priority: c.Priority.String(), Opened: instant(c.Opened), Zone: c.Zone,
		Language: c.Language, Account: c.Account, Country: c.Country, Attrs: c.Attrs}
	if now == nil {
		now = c.Now
	}
	if now != nil {
		b.Now = instant(*now)
	}
	return b, nil
}

// statusBody returns c as the request of a status at now. The engine
// decides with CEL's now at c.Now and measures at now; the service's case
// has one now for both, so a case whose Now is another instant is refused
// with ErrUnsupported. (Timeline sets CEL's now itself.)
func statusBody(c rules.Case, now time.Time) (caseBody, error) {
	if c.Now != nil && !c.Now.Equal(now) {
		return caseBody{}, fmt.Errorf("%w: a case whose Now (%s) is not the instant asked about (%s): the service's case has one now",
			ErrUnsupported, c.Now.Format(time.RFC3339Nano), now.Format(time.RFC3339Nano))
	}
	return newCaseBody(c, &now)
}

// withEvents returns b with events.
func withEvents(b caseBody, events []rules.Event) caseBody {
	for _, ev := range events {
		e := eventBody{At: instant(ev.At), Type: ev.Type, Status: ev.Status, By: ev.By, Tier: ev.Tier, Attrs: ev.Attrs}
		if ev.Priority != 0 {
			e.Priority = ev.Priority.String()
		}
		b.Events = append(b.Events, e)
	}
	return b
}

// contractBody is an entitlement.Contract as a contract file writes it.
type contractBody struct {
	Account     string         `json:"account,omitempty"`
	Tier        string         `json:"tier"`
	Start       string         `json:"start"`
	Renewal     string         `json:"renewal,omitempty"`
	Spend       string         `json:"spend,omitempty"`
	Zone        string         `json:"zone,omitempty"`
	Country     string         `json:"country,omitempty"`
	Fee         string         `json:"fee,omitempty"`
	MovesTo     string         `json:"movesTo,omitempty"`
	Discounts   []termBody     `json:"discounts,omitempty"`
	Commitments []termBody     `json:"commitments,omitempty"`
	Attrs       map[string]any `json:"attrs,omitempty"`
}

// termBody is a discount or a commitment of a contract file.
type termBody struct {
	Name   string `json:"name,omitempty"`
	Rate   string `json:"rate,omitempty"`
	Amount string `json:"amount,omitempty"`
	From   string `json:"from"`
	Until  string `json:"until,omitempty"`
}

// moneyText writes m as the service reads it, "" for the zero Money.
func moneyText(m money.Money) string {
	if m == (money.Money{}) {
		return ""
	}
	return m.String()
}

func newContractBody(c entitlement.Contract) contractBody {
	b := contractBody{Account: c.Account, Tier: c.Tier, Start: instant(c.Start), Spend: moneyText(c.Spend), Zone: c.Zone,
		Country: c.Country, Fee: moneyText(c.Billing.Fee), MovesTo: c.Billing.MovesTo, Attrs: c.Attrs}
	if c.Renewal != nil {
		b.Renewal = instant(*c.Renewal)
	}
	term := func(name string, rate money.Rate, amount money.Money, from, until time.Time) termBody {
		t := termBody{Name: name, Amount: moneyText(amount), From: instant(from)}
		if !rate.IsZero() {
			t.Rate = rate.String()
		}
		if !until.IsZero() {
			t.Until = instant(until)
		}
		return t
	}
	for _, d := range c.Billing.Discounts {
		b.Discounts = append(b.Discounts, term(d.Name, d.Rate, d.Amount, d.From, d.Until))
	}
	for _, m := range c.Billing.Commitments {
		b.Commitments = append(b.Commitments, term(m.Name, money.Rate{}, m.Amount, m.From, m.Until))
	}
	return b
}

// contractRequest is the body of eligibility, plan and entitlements.
type contractRequest struct {
	Contract contractBody `json:"contract"`
	At       string       `json:"at"`
	To       string       `json:"to,omitempty"`
}

// spendRow is one row of a spends CSV.
type spendRow struct {
	Month   string `json:"month"`
	Account string `json:"account"`
	Spend   string `json:"spend"`
}

func spendRows(spends []billing.Spend) []spendRow {
	rows := make([]spendRow, len(spends))
	for i, s := range spends {
		rows[i] = spendRow{Month: fmt.Sprintf("%04d-%02d", s.Year, int(s.Month)), Account: s.Account, Spend: s.Amount.String()}
	}
	return rows
}

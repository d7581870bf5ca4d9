// Command zendesk-policies imports a Zendesk account's SLA setup, as its API
// returns it (policies.json from GET /api/v2/slas/policies, schedules.json
// from GET /api/v2/business_hours/schedules, holidays.json from GET
// /api/v2/business_hours/schedules/1/holidays), into a tiercel catalog,
// the one tiercel import zendesk writes (catalog.yaml), and decides on it:
//
//	go run ./examples/zendesk-policies
//
// It prints the first reply due for a few tickets (policies tried in
// position order, the first that matches applying even where it sets no
// target), every Zendesk clock of one ticket from its events, and what a
// proposed edit of the policies (proposed.yaml: urgent incidents answered
// in 5 minutes, VIP tickets in 1 business hour) does to the account's
// tickets (audits.json, from GET /api/v2/ticket_audits), as
//
//	tiercel impact --zendesk examples/zendesk-policies/catalog.yaml examples/zendesk-policies/proposed.yaml examples/zendesk-policies/audits.json
//
// prints it.
package main

import (
	_ "embed"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/tiercel/tiercel/input"
	"github.com/tiercel/tiercel/rules"
	"github.com/tiercel/tiercel/slo"
)

var (
	//go:embed policies.json
	policies []byte
	//go:embed schedules.json
	schedules []byte
	//go:embed holidays.json
	holidays []byte
	//go:embed proposed.yaml
	proposed []byte
	//go:embed audits.json
	audits []byte
)

func main() {
	if err := run(os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

// catalog imports the three documents and returns the catalog's YAML.
func catalog() (string, error) {
	ps, err := input.ParseZendeskPolicies("policies.json", policies)
	if err != nil {
		return "", err
	}
	ss, err := input.ParseZendeskSchedules("schedules.json", schedules)
	if err != nil {
		return "", err
	}
	hs, err := input.ParseZendeskHolidays("holidays.json", holidays)
	if err != nil {
		return "", err
	}
	im, err := input.ImportZendesk(input.ZendeskAccount{Policies: ps, Schedules: ss, Holidays: map[int64][]input.ZendeskHoliday{1: hs}}, "")
	if err != nil {
		return "", err
	}
	var b strings.Builder
	err = im.WriteCatalog(&b)
	return b.String(), err
}

// la is the zone of the default schedule, North America; the catalog
// loads it too, so run fails first on a machine without it.
var la, _ = slo.LoadZone("America/Los_Angeles")

func run(w io.Writer) error {
	src, err := catalog()
	if err != nil {
		return err
	}
	e, err := rules.Compile("catalog.yaml", []byte(src))
	if err != nil {
		return err
	}
	// Wednesday 16:00 before Thanksgiving, in Los Angeles.
	opened := time.Date(2026, 11, 25, 16, 0, 0, 0, la)
	vip := map[string]any{"tags": []any{"vip"}, "group_id": 360001}
	tickets := []struct {
		name string
		c    rules.Case
	}{
		{"vip, high", rules.Case{Tier: "zendesk", Priority: slo.P2, Opened: opened, Attrs: vip}},
		{"vip, high, Japan schedule", rules.Case{Tier: "zendesk", Priority: slo.P2, Opened: opened, Attrs: map[string]any{"tags": []any{"vip"}, "group_id": 360001, "schedule_id": 2}}},
		{"incident, urgent", rules.Case{Tier: "zendesk", Priority: slo.P1, Opened: opened, Zone: "America/Los_Angeles", Attrs: map[string]any{"type": "incident"}}},
		{"vip incident, urgent", rules.Case{Tier: "zendesk", Priority: slo.P1, Opened: opened, Attrs: map[string]any{"type": "incident", "tags": []any{"vip"}, "group_id": 360001}}},
		{"question, normal", rules.Case{Tier: "zendesk", Priority: slo.P3, Opened: opened}},
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "TICKET\tFIRST REPLY DUE\tTARGET\tRULE")
	for _, t := range tickets {
		d, err := e.Deadline(t.c)
		switch {
		case errors.Is(err, rules.ErrNoTarget):
			fmt.Fprintf(tw, "%s\tnone\t-\t%s\n", t.name, strings.TrimPrefix(err.Error(), rules.ErrNoTarget.Error()+": "))
		case err != nil:
			return err
		default:
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", t.name, d.Due.In(d.Location).Format("Mon 2 Jan 15:04 MST"), d.Target, d.Rule)
		}
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	if err := timeline(w, e, tickets[0].c); err != nil {
		return err
	}
	return impact(w, e)
}

// timeline prints every Zendesk clock of the vip ticket: a public reply on
// Monday, pending until the customer answers on Tuesday, solved then.
func timeline(w io.Writer, e *rules.Engine, c rules.Case) error {
	at := func(day, hour, minute int) time.Time { return time.Date(2026, 11, day, hour, minute, 0, 0, la) }
	dec := func(d int) time.Time { return time.Date(2026, 12, d, 0, 0, 0, 0, la) }
	events := []rules.Event{
		{At: at(30, 9, 30), Type: rules.EventMessage, By: rules.ByAgent, Attrs: map[string]any{"public": true}},
		{At: at(30, 9, 45), Type: rules.EventStatus, Status: "pending"},
		{At: dec(1).Add(10 * time.Hour), Type: rules.EventMessage, By: rules.ByCustomer},
		{At: dec(1).Add(10 * time.Hour), Type: rules.EventStatus, Status: "open"},
		{At: dec(1).Add(11 * time.Hour), Type: rules.EventStatus, Status: "solved"},
	}
	tl, err := e.Timeline(c, events, dec(2))
	if err != nil {
		return err
	}
	fmt.Fprintln(w, "\nThe vip ticket's clocks (replied Mon 09:30, pending 09:45 until Tue 10:00, solved Tue 11:00):")
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "METRIC\tTARGET\tDUE\tSTATE\tBREACHED\tELAPSED\tPAUSED")
	for _, m := range tl.Metrics {
		for _, cy := range m.Cycles {
			due, target := "-", "none"
			if !cy.Due.IsZero() {
				due, target = cy.Due.In(la).Format("Mon 15:04"), cy.Target.String()
			}
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%t\t%s\t%s\n", m.Metric, target, due, cy.State, cy.Breached, cy.Elapsed, cy.Paused)
		}
	}
	return tw.Flush()
}

// impact tries the proposed edit on the export's tickets, each rebuilt
// from its audits and read at the export's latest instant, and prints
// what it does per metric.
func impact(w io.Writer, older *rules.Engine) error {
	newer, err := rules.Compile("proposed.yaml", proposed)
	if err != nil {
		return err
	}
	var r input.ZendeskReader
	_ = r.Add("audits.json", audits) // Export returns every page's errors
	x, err := r.Export()
	if err != nil {
		return err
	}
	var hs []rules.History
	var ids []string // each history's ticket
	for i := range x.Tickets {
		if h, ok := x.Tickets[i].History("zendesk", x.Latest); ok {
			hs = append(hs, rules.History{Case: h.Case, Events: h.Events})
			ids = append(ids, x.Tickets[i].ID)
		}
	}
	rep, err := rules.Impact(older, newer, hs, x.Latest)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "\nThe proposed edit on the %d tickets of audits.json (%d refused):\n", rep.Histories, rep.Failed)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "METRIC\tNEWLY BREACHED\tNO LONGER\tDUE LATER\tDUE EARLIER\tMOST EARLIER\tTICKET")
	for _, g := range rep.Metrics {
		most, ticket := "-", "-"
		if l := g.Earlier.Largest; g.Earlier.Count > 0 {
			most, ticket = slo.FormatSigned(l.By), ids[l.History]
		}
		fmt.Fprintf(tw, "%s\t%d\t%d\t%d\t%d\t%s\t%s\n", g.Key, g.NewlyBreached, g.NoLongerBreached, g.Later.Count, g.Earlier.Count, most, ticket)
	}
	return tw.Flush()
}

package client_test

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http/httptest"
	"time"

	"github.com/tiercel/tiercel/billing"
	"github.com/tiercel/tiercel/client"
	"github.com/tiercel/tiercel/input"
	"github.com/tiercel/tiercel/money"
	"github.com/tiercel/tiercel/rules"
	"github.com/tiercel/tiercel/server"
	"github.com/tiercel/tiercel/slo"
)

// A remote engine answers as the local one: here a service on 127.0.0.1
// serving the default catalog. WithMeta reports the decision's id and the
// revision of the catalog that decided.
func Example() {
	s, err := server.New(server.Config{Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	if err != nil {
		panic(err)
	}
	ts := httptest.NewServer(s.Handler())
	defer ts.Close()

	c := client.New(ts.URL)
	k := rules.Case{Tier: "enhanced", Priority: slo.P2, Opened: time.Date(2026, 3, 6, 16, 30, 0, 0, time.UTC)}
	var meta client.Meta
	d, err := c.Deadline(client.WithMeta(context.Background(), &meta), k)
	if err != nil {
		panic(err)
	}
	fmt.Println(d.Due.Format(time.RFC3339), d.Target, d.Rule, meta.Revision == s.Revision())
	// Output: 2026-03-06T20:30:00Z 4h 24x7 tiers.enhanced.response.P2 true
}

// dueAndInvoice is code written against client.Engine: it runs on a local
// engine or on the service alike.
func dueAndInvoice(ctx context.Context, e client.Engine) (string, error) {
	d, err := e.Deadline(ctx, rules.Case{Tier: "standard", Priority: slo.P3, Zone: "America/New_York",
		Opened: time.Date(2026, 3, 6, 15, 0, 0, 0, time.UTC)})
	if err != nil {
		return "", err
	}
	contract, err := input.LoadContract("../examples/billing/looker-contract.yaml")
	if err != nil {
		return "", err
	}
	spends, err := input.LoadSpends("../examples/billing/year.csv")
	if err != nil {
		return "", err
	}
	inv, err := e.Invoice(ctx, contract, billing.Months{Year: 2026, Month: time.January, Count: 12}, spends)
	if err != nil {
		return "", err
	}
	return d.Due.Format(time.RFC3339) + " " + inv.Total.String(), nil
}

// The same code runs on a local engine and on the service: only the
// constructor changes.
func Example_swap() {
	s, err := server.New(server.Config{Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	if err != nil {
		panic(err)
	}
	ts := httptest.NewServer(s.Handler())
	defer ts.Close()

	for _, e := range []client.Engine{client.Local(rules.Default()), client.New(ts.URL)} {
		got, err := dueAndInvoice(context.Background(), e)
		if err != nil {
			panic(err)
		}
		fmt.Printf("%T: %s\n", e, got)
	}
	// Output:
	// client.LocalEngine: 2026-03-09T10:00:00-04:00 60000.00 USD
	// *client.Client: 2026-03-09T10:00:00-04:00 60000.00 USD
}

// A quote from the service explains itself as the engine's does: the
// pricing model, and on each band the spend, the rate and the flat amount
// that make its amount, what an invoice's explanation shows.
func ExampleClient_Quote() {
	s, err := server.New(server.Config{Catalogs: []string{"testdata/prices.yaml"}, Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	if err != nil {
		panic(err)
	}
	ts := httptest.NewServer(s.Handler())
	defer ts.Close()

	q, err := client.New(ts.URL).Quote(context.Background(), "volume", money.MustParseMoney("20000 EUR"))
	if err != nil {
		panic(err)
	}
	fmt.Println(q.Model, "pricing, partial months:", q.Proration)
	for _, l := range q.Lines {
		fmt.Printf("%s at %s + %s flat = %s\n", l.Spend, l.Rate, l.Flat, l.Amount)
	}
	fmt.Println("total", q.Total)
	// Output:
	// volume pricing, partial months: full-month
	// 0.00 EUR at 10% + 0.00 EUR flat = 0.00 EUR
	// 20000.00 EUR at 7% + 250.00 EUR flat = 1650.00 EUR
	// 0.00 EUR at 5% + 0.00 EUR flat = 0.00 EUR
	// total 1650.00 EUR
}

package client_test

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http/httptest"
	"time"

	"github.com/tiercel/tiercel/client"
	"github.com/tiercel/tiercel/rules"
	"github.com/tiercel/tiercel/server"
	"github.com/tiercel/tiercel/slo"
)

// A remote engine answers as the local one: here a service on 127.0.0.1
// serving the default catalog.
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

package server_test

import (
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"

	"github.com/tiercel/tiercel/server"
)

// A server of the default catalog, on a test listener on 127.0.0.1: one
// deadline decision and one error.
func Example() {
	s, err := server.New(server.Config{Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	if err != nil {
		panic(err)
	}
	ts := httptest.NewServer(s.Handler())
	defer ts.Close()

	for _, body := range []string{
		`{"tier": "enhanced", "priority": "P2", "opened": "2026-03-05T10:00:00Z"}`,
		`{"tier": "enhanced", "priority": "P9", "opened": "2026-03-05T10:00:00Z"}`,
	} {
		resp, err := http.Post(ts.URL+"/v1/deadline", "application/json", strings.NewReader(body))
		if err != nil {
			panic(err)
		}
		var v struct {
			Revision string
			Result   struct{ Due, Rule string }
			Error    struct{ Code, Field string }
		}
		_ = json.NewDecoder(resp.Body).Decode(&v)
		resp.Body.Close()
		fmt.Println(resp.StatusCode, v.Result.Due, v.Result.Rule, v.Error.Code, v.Error.Field, v.Revision == s.Revision() || v.Revision == "")
	}
	// Output:
	// 200 2026-03-05T14:00:00Z tiers.enhanced.response.P2   true
	// 400   bad_input priority true
}

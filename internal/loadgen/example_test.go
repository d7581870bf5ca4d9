package loadgen_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"

	"github.com/tiercel/tiercel/internal/loadgen"
)

// Run sends 1,000 requests from 8 keep-alive clients and reports what was
// answered; the timings vary from run to run, the counts do not.
func ExampleRun() {
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		_, _ = w.Write([]byte(`{"ok":true}`))
	}))
	defer ts.Close()
	r, err := loadgen.Run(context.Background(), loadgen.Config{Clients: 8, Requests: 1000},
		[]loadgen.Request{{Method: http.MethodPost, URL: ts.URL + "/v1/deadline", Body: []byte(`{}`)}})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(r.Requests, "answered,", r.Failures, "failed, p50 <= p99:", r.P50 <= r.P99)
	// Output: 1000 answered, 0 failed, p50 <= p99: true
}

// A run at a constant rate schedules request n at n/Rate seconds and
// measures each latency from that time: 200 requests at 2,000/s take at
// least 99.5 ms, however fast the server answers.
func ExampleRun_rate() {
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		_, _ = w.Write([]byte(`{"ok":true}`))
	}))
	defer ts.Close()
	r, err := loadgen.Run(context.Background(), loadgen.Config{Clients: 4, Requests: 200, Rate: 2000},
		[]loadgen.Request{{Method: http.MethodGet, URL: ts.URL + "/healthz"}})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(r.Requests, "answered of", r.Scheduled, "scheduled at", r.Rate, "a second; no faster:", r.PerSecond() <= 2000*200/199)
	// Output: 200 answered of 200 scheduled at 2000 a second; no faster: true
}

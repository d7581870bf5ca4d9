package loadgen

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
)

// httpSender sends with net/http's client, through a Transport of one
// keep-alive connection.
type httpSender struct {
	client *http.Client
	reqs   []Request
}

func newHTTPSender(reqs []Request) *httpSender {
	return &httpSender{
		client: &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 1, MaxConnsPerHost: 1, DisableCompression: true}},
		reqs:   reqs,
	}
}

func (s *httpSender) close() { s.client.CloseIdleConnections() }

func (s *httpSender) send(ctx context.Context, i, status int) error {
	rq := s.reqs[i]
	req, err := http.NewRequestWithContext(ctx, rq.Method, rq.URL, bytes.NewReader(rq.Body))
	if err != nil {
		return err
	}
	if len(rq.Body) > 0 {
		req.Header.Set("Content-Type", "application/json")
	}
	resp, err := s.client.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body) // read whole, so the connection is kept alive
	if err != nil {
		return err
	}
	if resp.StatusCode != status {
		return fmt.Errorf("%s %s: status %d: %.200s", rq.Method, rq.URL, resp.StatusCode, body)
	}
	return nil
}

package loadgen

import (
	"context"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestHTTPSender(t *testing.T) {
	var contentType string
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		contentType = r.Header.Get("Content-Type")
		if r.URL.Path == "/teapot" {
			w.WriteHeader(http.StatusTeapot)
		}
		_, _ = w.Write([]byte("short and stout"))
	}))
	defer ts.Close()
	s := newHTTPSender([]Request{{Method: "POST", URL: ts.URL + "/ok", Body: []byte(`{}`)}, {Method: "GET", URL: ts.URL + "/teapot"}})
	defer s.close()
	require.NoError(t, s.send(context.Background(), 0, http.StatusOK))
	assert.Equal(t, "application/json", contentType, "a body is sent as JSON")
	err := s.send(context.Background(), 1, http.StatusOK)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "GET "+ts.URL+"/teapot: status 418: short and stout")
}

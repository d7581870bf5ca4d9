package main

import (
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestServePlayground checks that serve has the playground page at / and
// that --no-playground takes it away.
func TestServePlayground(t *testing.T) {
	tests := []struct {
		name   string
		args   []string
		status int
	}{
		{"on by default", nil, http.StatusOK},
		{"off with --no-playground", []string{"--no-playground"}, http.StatusNotFound},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			base, wait := startServe(t, tt.args...)
			resp, err := http.Get(base + "/")
			require.NoError(t, err)
			resp.Body.Close()
			assert.Equal(t, tt.status, resp.StatusCode)
			assert.Equal(t, exitOK, wait(true))
		})
	}
}

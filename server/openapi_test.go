package server

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestOpenAPIServed(t *testing.T) {
	_, ts := testServer(t, Config{})
	status, v := get(t, ts.URL, "/openapi.json")
	require.Equal(t, 200, status)
	assert.Equal(t, "3.1.0", v["openapi"])
	var doc map[string]any
	require.NoError(t, json.Unmarshal(OpenAPI(), &doc))
	assert.Equal(t, v, doc)
}

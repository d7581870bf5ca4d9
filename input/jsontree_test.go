package input

import (
	"bytes"
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.yaml.in/yaml/v3"

	"github.com/tiercel/tiercel/internal/yamlpos"
)

// sameTree requires that got is the tree yaml.v3 built, want: kinds, tags,
// styles, values, lines and columns.
func sameTree(t *testing.T, want, got *yaml.Node, path string) {
	t.Helper()
	require.NotNil(t, got, path)
	assert.Equal(t, fmt.Sprint(want.Kind, want.Tag, want.Style, want.Value, want.Line, want.Column),
		fmt.Sprint(got.Kind, got.Tag, got.Style, got.Value, got.Line, got.Column), "at %s", path)
	require.Len(t, got.Content, len(want.Content), path)
	for i := range want.Content {
		sameTree(t, want.Content[i], got.Content[i], fmt.Sprintf("%s/%d", path, i))
	}
}

// A JSON document becomes the tree yaml.v3 would have built from it.
func TestJSONTreeAsYAML(t *testing.T) {
	src := "{\n  \"tier\": \"std\", \"n\": -12, \"f\": 1.5e3, \"big\": 99999999999999999999,\n" +
		"  \"é\": \"caf\\u00e9 \\\"x\\\"\", \"ok\": true, \"no\": false, \"none\": null,\n" +
		"  \"events\": [\n    {\"at\": \"2026-03-05T11:00:00Z\", \"attrs\": {}},\n    []\n  ]\n}\n"
	var doc yaml.Node
	require.NoError(t, yaml.Unmarshal([]byte(src), &doc))
	tr := &jsonTree{jsonScan: jsonScan{b: []byte(src)}, line: 1, col: 1}
	got, ok := tr.node(0)
	require.True(t, ok, tr.err)
	sameTree(t, doc.Content[0], got, "")
}

// A document that starts with a brace but is not JSON (a YAML flow
// mapping) is read by yaml.v3.
func TestDocumentFallsBackToYAML(t *testing.T) {
	d := yamlpos.NewDecoder("c.yaml", []byte("{tier: std, priority: P1}\n"), ErrInvalidCaseFile)
	root := document(d, []byte("{tier: std, priority: P1}\n"))
	require.NotNil(t, root)
	assert.Len(t, root.Content, 4)
	assert.Empty(t, d.Errors())
}

// TestYAMLSizeLimit: a YAML case file or contract over MaxYAMLSize is
// refused with a limit error at its first line, and the same size written
// as JSON is read.
func TestYAMLSizeLimit(t *testing.T) {
	yamlDoc := caseFileYAML(MaxYAMLSize + 1024)
	_, err := ParseCaseFile("big.yaml", yamlDoc)
	require.ErrorIs(t, err, ErrYAMLTooLarge)
	require.ErrorIs(t, err, ErrInvalidCaseFile)
	assert.Contains(t, err.Error(), "big.yaml:1:1: ")
	assert.Contains(t, err.Error(), "the limit is 4 MiB (write the file as JSON for up to 16 MiB)")
	_, err = ParseContract("big.yaml", append([]byte("account: acme\nattrs:\n"), bytes.Repeat([]byte("  k: v\n"), MaxYAMLSize/7+1)...))
	require.ErrorIs(t, err, ErrYAMLTooLarge)
	_, err = ParseCaseFile("big.json", caseFileJSON(MaxYAMLSize+1024))
	require.NoError(t, err, "JSON is read past the YAML limit")
}

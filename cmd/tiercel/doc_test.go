package main

import (
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tiercel/tiercel/internal/layout"
)

// usageLine matches a usage line of the command's doc comment and captures
// the command it names: "\ttiercel quote TIER ..." names quote.
var usageLine = regexp.MustCompile(`^\ttiercel ([a-z][a-z-]*)\b`)

// docCommands returns the commands the usage lines of a doc comment name,
// in order.
func docCommands(comment string) []string {
	var names []string
	for _, line := range strings.Split(comment, "\n") {
		if m := usageLine.FindStringSubmatch(line); m != nil {
			names = append(names, m[1])
		}
	}
	return names
}

// TestDocListsEveryCommand holds doc.go (go doc ./cmd/tiercel) to what run
// dispatches: one usage line for each command of the table and for help and
// version, and no line for a command that does not exist.
func TestDocListsEveryCommand(t *testing.T) {
	comment, err := layout.PackageComment("doc.go")
	require.NoError(t, err)
	documented := docCommands(comment)

	dispatched := []string{"help", "version"} // run's own words
	for _, c := range commands {
		dispatched = append(dispatched, c.name)
	}
	for _, name := range dispatched {
		assert.Contains(t, documented, name, "doc.go: no usage line \"tiercel %s ...\"", name)
		code := run([]string{name, "--help"}, new(strings.Builder), new(strings.Builder))
		assert.Equal(t, exitOK, code, "tiercel %s --help", name)
	}
	for i, name := range documented {
		assert.Contains(t, dispatched, name, "doc.go: a usage line names %q, which tiercel does not dispatch", name)
		assert.NotContains(t, documented[i+1:], name, "doc.go: %q has two usage lines", name)
	}
}

func TestDocCommands(t *testing.T) {
	tests := []struct {
		name    string
		comment string
		want    []string
	}{
		{"usage lines", "Usage:\n\n\ttiercel check [FILE...]   # x\n\ttiercel diff OLD NEW\n", []string{"check", "diff"}},
		{"prose is not a usage line", "Run tiercel check first.\n  tiercel test x\n", nil},
		{"a bare name", "\ttiercel version\n", []string{"version"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, docCommands(tt.comment))
		})
	}
}

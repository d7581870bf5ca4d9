package input

import (
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The README's table gives each metric Zendesk's definition as the import
// writes it in the catalog's comments.
func TestZendeskMetricsInReadme(t *testing.T) {
	readme, err := os.ReadFile("../README.md")
	require.NoError(t, err)
	rows := map[string]string{}
	for _, line := range strings.Split(string(readme), "\n") {
		if name, rest, ok := strings.Cut(strings.TrimPrefix(line, "| `"), "` | "); ok && strings.HasPrefix(line, "| `") {
			rows[name] = rest
		}
	}
	require.Len(t, ZendeskSLAMetrics(), 8)
	for _, m := range ZendeskSLAMetrics() {
		assert.True(t, strings.HasPrefix(rows[m.Name], m.Meaning+" |"), "README row of %s: %q, want the definition %q", m.Name, rows[m.Name], m.Meaning)
		assert.NotEmpty(t, m.Start, m.Name)
		assert.NotEmpty(t, m.Stop, m.Name)
		assert.Equal(t, m.Pause == "", m.Resume == "", "%s: pause and resume go together", m.Name)
	}
}

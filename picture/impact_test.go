package picture

import (
	"bytes"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tiercel/tiercel/rules"
)

// Each shift falls in one bucket, a bound in the bucket farther from the
// middle; same is in the middle; saturated shifts in the outer buckets.
func TestBucketCounts(t *testing.T) {
	g := rules.ImpactGroup{Same: 4, Shifts: []time.Duration{minShift, -week, -day - 1, -time.Hour, -1, 1, time.Hour, 8 * time.Hour, week, maxShift}}
	assert.Equal(t, []int{2, 1, 0, 1, 1, 4, 1, 1, 1, 0, 2}, bucketCounts(&g))
}

// An empty report says so rather than drawing nothing.
func TestImpactSVGEmpty(t *testing.T) {
	var b bytes.Buffer
	require.NoError(t, Impact(&b, &rules.ImpactReport{}, "t <&>"))
	assert.Contains(t, b.String(), "No cycle was replayed on both catalogs.")
	assert.Contains(t, b.String(), "t &lt;&amp;&gt;")
}

package main

import (
	"bufio"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Example runs the five questions; the output is what the README promises.
func Example() {
	_ = deadline()
	_ = change()
	_ = eligibility()
	_ = price()
	_ = timeline()
	// Output:
	// 2026-03-09 11:00:00 -0400 EDT | 4h business | tiers.standard.response.P1
	// P1: 1h looker-24x5 -> 4h business (degraded)
	// P2: 4h looker-24x5 -> 4h business (unchanged)
	// P3: 8h looker-24x5 -> 8h business (unchanged)
	// P4: 8h looker-24x5 -> 8h business (unchanged)
	// true looker-to-customer-care 2026-09-01 [standard enhanced premium] enhanced
	// 6150.00 USD
	// 10% 10000.00 USD 1000.00 USD
	// 7% 70000.00 USD 4900.00 USD
	// 5% 5000.00 USD 250.00 USD
	// 3% 0.00 USD 0.00 USD
	// response 4h business 1:00PM achieved true 1h0m0s tiers.standard.response.P1
}

// Example_effective asks how the deadlines move, as the README shows.
func Example_effective() {
	_ = effective()
	_ = effectiveRule()
	// Output:
	// P1 unchanged improved (-48h, 0)
	// P2 unchanged improved (-48h, 0)
	// P3 unchanged degraded (0, +64h)
	// P4 unchanged degraded (0, +64h)
	// effective true
}

// TestReadmeGoBlocks checks that every ```go block of the README is code of
// this program, line for line, so the README's Go compiles and runs.
func TestReadmeGoBlocks(t *testing.T) {
	readme, err := os.Open("../../README.md")
	require.NoError(t, err)
	defer readme.Close()
	src, err := os.ReadFile("main.go")
	require.NoError(t, err)
	program := trimmed(string(src))

	var blocks [][]string
	var cur []string
	in := false
	sc := bufio.NewScanner(readme)
	for sc.Scan() {
		line := sc.Text()
		switch {
		case !in && strings.HasPrefix(line, "```go"):
			in, cur = true, nil
		case in && strings.HasPrefix(line, "```"):
			in = false
			// Snippets of test files (func TestX) are checked where they
			// are used, e.g. examples/custom-tiers/example_test.go.
			if len(cur) > 0 && !strings.HasPrefix(cur[0], "func Test") {
				blocks = append(blocks, cur)
			}
		case in:
			cur = append(cur, strings.TrimSpace(line))
		}
	}
	require.NoError(t, sc.Err())
	require.GreaterOrEqual(t, len(blocks), 4, "one Go block per question")
	for i, b := range blocks {
		assert.True(t, containsRun(program, b), "README Go block %d is not in examples/questions/main.go:\n%s", i+1, strings.Join(b, "\n"))
	}
}

var blank = regexp.MustCompile(`^\s*$`)

func trimmed(s string) []string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		out = append(out, strings.TrimSpace(l))
	}
	return out
}

// containsRun reports whether the lines of block appear one after another
// in program, ignoring indentation; blank lines of the block match blank
// lines only.
func containsRun(program, block []string) bool {
	for start := range program {
		if start+len(block) > len(program) {
			return false
		}
		ok := true
		for j, l := range block {
			if program[start+j] != l && !(blank.MatchString(l) && blank.MatchString(program[start+j])) {
				ok = false
				break
			}
		}
		if ok {
			return true
		}
	}
	return false
}

package main

import (
	"bufio"
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tiercel/tiercel/rules"
	"github.com/tiercel/tiercel/suite"
)

// block is a fenced block of the README.
type block struct {
	lang  string
	line  int // line of the opening fence
	lines []string
}

func readmeBlocks(t *testing.T, path string) []block {
	t.Helper()
	f, err := os.Open(path)
	require.NoError(t, err)
	defer f.Close()
	var blocks []block
	var cur *block
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		switch {
		case cur == nil && strings.HasPrefix(line, "```"):
			cur = &block{lang: strings.TrimSpace(strings.TrimPrefix(line, "```")), line: n}
		case cur != nil && strings.HasPrefix(line, "```"):
			blocks = append(blocks, *cur)
			cur = nil
		case cur != nil:
			cur.lines = append(cur.lines, line)
		}
	}
	require.NoError(t, sc.Err())
	require.Nil(t, cur, "unterminated block")
	return blocks
}

var exitComment = regexp.MustCompile(`\s+#\s*exit (\d+)\s*$`)

// TestReadmeCommands runs every tiercel command of the README's sh blocks
// from the repository's root, as a new user would, and compares the output
// with the text block that follows when there is one.
func TestReadmeCommands(t *testing.T) {
	blocks := readmeBlocks(t, "../../README.md")
	t.Chdir("../..")
	ran := 0
	for i, b := range blocks {
		if b.lang != "sh" {
			continue
		}
		var cmds []string
		for _, l := range b.lines {
			l = strings.TrimSpace(l)
			if strings.HasPrefix(l, "go run ./cmd/tiercel ") || strings.HasPrefix(l, "tiercel ") {
				cmds = append(cmds, l)
			}
		}
		for _, c := range cmds {
			t.Run(c, func(t *testing.T) {
				want := exitOK
				if m := exitComment.FindStringSubmatch(c); m != nil {
					want, _ = strconv.Atoi(m[1])
					c = c[:len(c)-len(m[0])]
				}
				line := strings.TrimPrefix(strings.TrimPrefix(c, "go run ./cmd/tiercel "), "tiercel ")
				stdout, stderr, code := runCmd(t, splitWords(t, line)...)
				require.Equal(t, want, code, "README.md:%d: %s\n%s%s", b.line, c, stdout, stderr)
				if len(cmds) == 1 && i+1 < len(blocks) && blocks[i+1].lang == "text" {
					next := blocks[i+1]
					// iCalendar output ends its lines with CRLF; the README shows LF
					assert.Equal(t, strings.Join(next.lines, "\n")+"\n", strings.ReplaceAll(stdout+stderr, "\r\n", "\n"),
						"README.md:%d: the output shown differs from what %s prints", next.line, c)
				}
			})
			ran++
		}
	}
	assert.GreaterOrEqual(t, ran, 8, "the README's commands were found")
}

// TestReadmeYAML compiles the README's catalog and runs its suite against
// the embedded catalog.
func TestReadmeYAML(t *testing.T) {
	var catalogs, suites int
	for _, b := range readmeBlocks(t, "../../README.md") {
		if b.lang != "yaml" {
			continue
		}
		src := []byte(strings.Join(b.lines, "\n") + "\n")
		if !strings.Contains("\n"+string(src), "\ntests:") {
			_, err := rules.Compile("README.md", src)
			assert.NoError(t, err, "README.md:%d", b.line)
			catalogs++
			continue
		}
		s, err := suite.Parse("README.md", src)
		require.NoError(t, err, "README.md:%d", b.line)
		for _, r := range s.RunEngine(rules.Default()) {
			assert.True(t, r.Passed, "README.md:%d:\n%s", b.line, r)
		}
		suites++
	}
	assert.Equal(t, 1, catalogs)
	assert.Equal(t, 1, suites)
}

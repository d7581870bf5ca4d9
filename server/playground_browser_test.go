package server

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// chromium returns the path of Debian's chromium. Under CI=true a missing
// browser fails the test (.ci/run installs it); elsewhere it skips it.
func chromium(t *testing.T) string {
	t.Helper()
	bin, err := exec.LookPath("chromium")
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("chromium is not installed (.ci/run installs it with apt-get): %v", err)
		}
		t.Skipf("skipping the browser test: %v (apt-get install chromium)", err)
	}
	return bin
}

// browser starts a headless chromium for the test and returns its context,
// bounded to a minute.
func browser(t *testing.T) context.Context {
	t.Helper()
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(chromium(t)),
		chromedp.NoSandbox, // CI runs as root, where chromium's sandbox cannot start
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.WindowSize(1280, 1000),
	)
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelCtx := chromedp.NewContext(actx)
	ctx, cancelTime := context.WithTimeout(ctx, 90*time.Second)
	t.Cleanup(func() { cancelTime(); cancelCtx(); cancelAlloc() })
	return ctx
}

// recordCSPViolations makes the page keep every Content-Security-Policy
// violation in window.cspViolations.
const recordCSPViolations = `window.cspViolations = [];
document.addEventListener("securitypolicyviolation", (e) => window.cspViolations.push(e.violatedDirective));`

const rowsJS = `Array.from(document.querySelectorAll("#compare-table tbody tr"),
  (r) => Array.from(r.cells, (c) => c.textContent).join(" | "))`

// TestPlaygroundInChromium loads the page of a real server in headless
// chromium, submits its three forms and checks what they show: the
// compare table and the week-grid SVG, the timeline SVG and the catalog's
// positioned errors; then that a hostile value is shown as text.
func TestPlaygroundInChromium(t *testing.T) {
	ctx := browser(t)
	addr := listen(t, Config{})
	css := func(sel string) chromedp.CSS { return chromedp.CSS(sel) }
	require.NoError(t, chromedp.Do(ctx,
		chromedp.Navigate("http://"+addr+"/"),
		chromedp.Evaluate[chromedp.Void](recordCSPViolations+"\n({})"),
		chromedp.WaitReady(css(`#compare-to option[value="premium"]`)),
		chromedp.SetValue(css("#compare-from"), "standard"),
		chromedp.SetValue(css("#compare-to"), "premium"),
		chromedp.Click(css("#compare-submit")),
		chromedp.WaitVisible(css("#weekgrid svg")),
	))
	rows := value(t, ctx, chromedp.Evaluate[[]string](rowsJS))
	grid := value(t, ctx, chromedp.TextContent(css("#weekgrid svg")))
	revision := value(t, ctx, chromedp.TextContent(css("#revision")))
	require.NoError(t, chromedp.Do(ctx, chromedp.Click(css("#timeline-submit")), chromedp.WaitVisible(css("#timeline svg"))))
	timeline := value(t, ctx, chromedp.TextContent(css("#timeline svg")))
	require.NoError(t, chromedp.Do(ctx, chromedp.Click(css("#check-submit")), chromedp.WaitVisible(css("#check-errors li"))))
	summary := value(t, ctx, chromedp.TextContent(css("#check-summary")))
	errs := value(t, ctx, chromedp.Evaluate[[]string](`Array.from(document.querySelectorAll("#check-errors li"), (li) => li.textContent)`))
	saveScreenshot(t, value(t, ctx, chromedp.FullScreenshot(100)))

	require.Len(t, rows, 4, "a row per priority: %q", rows)
	assert.True(t, strings.HasPrefix(rows[0], "P1 | 4h business | 15m 24x7 | improved | improved ("), rows[0])
	assert.Contains(t, grid, "Mon", "the week grid's days")
	assert.Contains(t, grid, "standard", "the week grid names the tiers")
	assert.Len(t, revision, 16)
	assert.Contains(t, timeline, "Premium Support")
	assert.Contains(t, summary, "errors")
	require.NotEmpty(t, errs)
	assert.True(t, strings.HasPrefix(errs[0], "5:"), "line:col first: %q", errs[0])

	require.NoError(t, chromedp.Do(ctx,
		chromedp.SetValue(css("#compare-zone"), `<img src=x id=pwned>`),
		chromedp.Click(css("#compare-submit")),
		chromedp.WaitVisible(chromedp.Search(`//p[@id="compare-error"][string-length(text()) > 0]`)),
	))
	assert.Contains(t, value(t, ctx, chromedp.TextContent(css("#compare-error"))), "<img src=x id=pwned>", "the error is shown as text")
	assert.Zero(t, value(t, ctx, chromedp.Evaluate[int](`document.querySelectorAll("#pwned").length`)), "no element made from an answer's text")
	assert.Empty(t, value(t, ctx, chromedp.Evaluate[[]string](`window.cspViolations`)), "no Content-Security-Policy violation")
}

// value runs a in the browser and returns its result.
func value[T any](t *testing.T, ctx context.Context, a chromedp.Action[T]) T {
	t.Helper()
	v, err := chromedp.Run(ctx, a)
	require.NoError(t, err)
	return v
}

// saveScreenshot keeps the page's picture in the test's temp directory
// and, for a person to look at, in /tmp/playground.png.
func saveScreenshot(t *testing.T, png []byte) {
	t.Helper()
	require.True(t, len(png) > 8 && string(png[1:4]) == "PNG", "a PNG screenshot")
	require.NoError(t, os.WriteFile(filepath.Join(t.TempDir(), "playground.png"), png, 0o600))
	if err := os.WriteFile(filepath.Join(os.TempDir(), "playground.png"), png, 0o600); err != nil {
		t.Logf("the screenshot is not in %s: %v", os.TempDir(), err)
	}
}

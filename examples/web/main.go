// Command web is the example service that the real-node tests, the build-image workflow and
// `npm run demo:deploy` ship: a small HTTP server with a health endpoint, its version and
// Prometheus metrics, and a switch that turns a release into a bad one.
//
// Endpoints (all GET, on $LISTEN_ADDR, default ":8080"; not WEB_PORT, which Kubernetes sets to
// "tcp://<ip>:<port>" for a Service named web):
//
//	/healthz  200 "ok" once started; 500 in mode "errors"
//	/readyz   200 once ready; never 200 in mode "unready"
//	/version  the version as text (WEB_VERSION, else the -X main.version build value)
//	/metrics  Prometheus text format 0.0.4: web_http_requests_total{path,code},
//	          web_build_info{version}, web_ready, web_healthy (0 in mode "errors")
//	/         "web <version>"
//
// WEB_MODE (environment; the image's config sets it for a bad release):
//
//	""        a good release
//	crash     exits with status 3 right after start, before it listens
//	unready   serves, but /readyz answers 503 forever
//	errors    serves and is ready, but /healthz and / answer 500 (a release that passes its
//	          readiness probe and fails the deploy's HTTP health check)
package main

import (
	"fmt"
	"log"
	"net/http"
	"os"
	"sort"
	"strings"
	"sync"
)

var version = "dev"

type counters struct {
	mu sync.Mutex
	n  map[string]int // key "path code"
}

func (c *counters) add(path string, code int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.n[fmt.Sprintf("%s %d", path, code)]++
}

func (c *counters) write(w *strings.Builder) {
	c.mu.Lock()
	defer c.mu.Unlock()
	keys := make([]string, 0, len(c.n))
	for k := range c.n {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	w.WriteString("# HELP web_http_requests_total HTTP requests served, by path and status code.\n")
	w.WriteString("# TYPE web_http_requests_total counter\n")
	for _, k := range keys {
		path, code, _ := strings.Cut(k, " ")
		fmt.Fprintf(w, "web_http_requests_total{path=%q,code=%q} %d\n", path, code, c.n[k])
	}
}

func main() {
	if v := os.Getenv("WEB_VERSION"); v != "" {
		version = v
	}
	mode := os.Getenv("WEB_MODE")
	addr := os.Getenv("LISTEN_ADDR")
	if addr == "" {
		addr = ":8080"
	}
	log.SetFlags(log.LstdFlags | log.LUTC)
	if mode == "crash" {
		log.Printf("web %s: WEB_MODE=crash, exiting with status 3", version)
		os.Exit(3)
	}
	stats := &counters{n: map[string]int{}}
	reply := func(w http.ResponseWriter, r *http.Request, code int, body string) {
		stats.add(r.URL.Path, code)
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		w.WriteHeader(code)
		fmt.Fprintln(w, body)
	}
	mux := http.NewServeMux()
	mux.HandleFunc("/healthz", func(w http.ResponseWriter, r *http.Request) {
		if mode == "errors" {
			reply(w, r, http.StatusInternalServerError, "failing (WEB_MODE=errors)")
			return
		}
		reply(w, r, http.StatusOK, "ok")
	})
	mux.HandleFunc("/readyz", func(w http.ResponseWriter, r *http.Request) {
		if mode == "unready" {
			reply(w, r, http.StatusServiceUnavailable, "not ready (WEB_MODE=unready)")
			return
		}
		reply(w, r, http.StatusOK, "ready")
	})
	mux.HandleFunc("/version", func(w http.ResponseWriter, r *http.Request) {
		reply(w, r, http.StatusOK, version)
	})
	mux.HandleFunc("/metrics", func(w http.ResponseWriter, r *http.Request) {
		var b strings.Builder
		stats.write(&b)
		b.WriteString("# HELP web_build_info The running version.\n# TYPE web_build_info gauge\n")
		fmt.Fprintf(&b, "web_build_info{version=%q} 1\n", version)
		ready := 1
		if mode == "unready" {
			ready = 0
		}
		b.WriteString("# HELP web_ready 1 when /readyz answers 200.\n# TYPE web_ready gauge\n")
		fmt.Fprintf(&b, "web_ready %d\n", ready)
		healthy := 1
		if mode == "errors" {
			healthy = 0
		}
		b.WriteString("# HELP web_healthy 1 when /healthz answers 200.\n# TYPE web_healthy gauge\n")
		fmt.Fprintf(&b, "web_healthy %d\n", healthy)
		w.Header().Set("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
		fmt.Fprint(w, b.String())
	})
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		if mode == "errors" {
			reply(w, r, http.StatusInternalServerError, "failing (WEB_MODE=errors)")
			return
		}
		reply(w, r, http.StatusOK, "web "+version)
	})
	log.Printf("web %s listening on %s (mode %q)", version, addr, mode)
	log.Fatal(http.ListenAndServe(addr, mux))
}

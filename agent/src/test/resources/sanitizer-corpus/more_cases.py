# Cases for issues 12 and 13, run by generate.py after its own (their own seed, so the earlier cases
# stay byte for byte the same). Must-keep and must-drop cases of each class side by side.
import uuid as _uuid
Q = random.Random(20261201)
def q(n, alphabet=A): return ''.join(Q.choice(alphabet) for _ in range(n))
def quuid(): return str(_uuid.UUID(int=Q.getrandbits(128), version=4))
UPPER_DIGITS = string.ascii_uppercase + string.digits
NEUTRAL = ["value", "id", "x", "setting", "config2", "arg0", "data2", "param"]

# ids the agent's host generates itself: kept only when declared (generatedId)
for c in cases:
    if c["class"] == "uuid" and c["expect"] == "keep":
        c["generatedId"] = True
def add_gen(cls, expect, value, name, note=None):
    add(cls, expect, value, name, note)
    cases[-1]["generatedId"] = True

# ---------------------------------------------------------------- issue 13: keys with no telling prefix
K = 'key-uuid'
for i in range(26):
    u = quuid()
    add(K, "drop", u.upper() if i % 4 == 1 else ("{%s}" % u if i % 9 == 4 else u), Q.choice(NEUTRAL), "bare uuid key")
for i in range(14):
    u = quuid()
    add_gen(K, "keep", u if i % 3 else u.upper(), Q.choice(["completionId", "sessionId", "requestId", "chatId"]), "declared generated id")
for prefix in ["chat-", "req_", "msg-", "run_", "conv-", "tool-call-"]:
    add_gen(K, "keep", prefix + quuid(), "completionId", "declared generated id with a prefix")

KL = 'key-uuid-like'
for region in ["na1", "eu1", "na2", "ap1", "us", "eu"]:
    add(KL, "drop", "pat-" + region + "-" + quuid(), Q.choice(NEUTRAL), "pat-region-uuid")
for prefix in ["api-", "sub-c-", "pub-c-", "sec-c-", "key-", "tok_", "app_", "sk-", "live_", "prod-", "ak-", "cli-"]:
    add(KL, "drop", prefix + quuid(), Q.choice(NEUTRAL), "prefix-uuid")
for _ in range(6):
    add(KL, "drop", quuid() + ":" + quuid(), Q.choice(NEUTRAL), "uuid:uuid")
for _ in range(6):
    body = q(8, LOWER_ALNUM) + "-" + q(4, LOWER_ALNUM) + "-" + q(4, LOWER_ALNUM) + "-" + q(4, LOWER_ALNUM) + "-" + q(12, LOWER_ALNUM)
    add(KL, "drop", body, Q.choice(NEUTRAL), "uuid-like non-hex")
for _ in range(5):
    add(KL, "drop", quuid() + "_" + q(12, LOWER_ALNUM), Q.choice(NEUTRAL), "uuid joined")
for route in ["/chat/", "/history/", "/session/", "/thread/", "/runs/"]:
    add(KL, "keep", route + quuid(), "$current_url", "route with an id")

KP = 'key-placeholder'
for vendor in ["sk", "rk", "pk", "rzp", "ck", "cs", "whk", "sq", "FLWSECK", "FLWPUBK", "mk", "ak", "ps", "tp", "paddle", "chk", "xnd"]:
    env = Q.choice(["live", "test", "LIVE", "TEST", "prod", "sandbox"])
    sep = "_" if vendor.islower() else "_"
    body = Q.choice(["x" * 24, "X" * 32, "0" * 16, "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx-X", "1234567890abcdef", "XXXXXXXXXXXXXXXX",
                     "000000000000000000000000", "abcdefghijklmnop1234"])
    add(KP, "drop", vendor + sep + env + "_" + body if vendor.islower() else vendor + "_" + env.upper() + "-" + body,
        Q.choice(NEUTRAL), "vendor-env-placeholder")
for v in ["ghp_XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX", "glpat-xxxxxxxxxxxxxxxxxxxx", "xoxb-xxxxxxxxxxxx-xxxxxxxxxxxx", "npm_XXXXXXXXXXXX",
          "github_pat_XXXX", "dckr_pat_xxxxxxxx", "sk-ant-api03-xxxx", "hf_xxxxxxxx", "whsec_xxxxxxxx", "shpat_xxxxxxxx",
          "lin_api_xxxxxxxx", "pypi-xxxxxxxx", "glsa_xxxxxxxxx"]:
    add(KP, "drop", v, Q.choice(NEUTRAL), "known prefix, any body")
for v in ["unit_test_generation", "run_test_suite", "live_share", "test_explorer", "end_turn", "max_tokens", "tool_use",
          "dev_container", "prod_build", "sandbox_mode", "live-preview", "test-runner", "ms-vscode.live-server",
          "sk-SK", "pk", "run_terminal_command", "is_test_file", "hot_reload", "run_test_forCurrentFile",
          "go_test_forPackage", "debug_test_atCursor"]:
    add(KP, "keep", v, Q.choice(["kind", "command", "outcome", "feature", "locale2", "toolName"]), "identifier with an environment word")

KS = 'key-short-random'
for n in [8, 9, 10, 11, 12, 13, 14, 15, 12, 10, 9, 14]:
    while True:
        v = q(n, A)
        if sum(ch.isdigit() for ch in v) >= 2 and any(ch.isupper() for ch in v) and any(ch.islower() for ch in v):
            break
    add(KS, "drop", v, Q.choice(NEUTRAL), "mixed-case alnum")
for n in [10, 12, 14, 9, 11, 13]:
    while True:
        v = q(n, LOWER_ALNUM)
        switches = sum(1 for a, b in zip(v, v[1:]) if a.isdigit() != b.isdigit())
        if switches >= 4 and not all(ch in HEX for ch in v):
            break
    add(KS, "drop", v, Q.choice(NEUTRAL), "lower alnum")
for name in ["accountSid", "activationKey", "openaiKey", "stripeKey", "mapsKey", "serialNumber", "licenseCode", "deeplKey"]:
    add(KS, "drop", q(Q.choice([8, 10, 12, 16, 20]), string.digits), name, "digits under a key name")
for name in ["openaiKey", "mapsKey", "styleKey", "sortKey", "accountSid", "activationKey"]:
    add(KS, "drop", q(Q.choice([8, 10, 12]), LOWER_ALNUM).replace("a", "7", 1) + "9k", name, "alnum under a key name")
for name, v in [("commit", "3f9a2c1"), ("commit", "a1b2c3d4e5f6"), ("gitSha", "9fceb02"), ("traceId2", "4bf92f3577b34da6"),
                ("model", "llama3p1"), ("model", "qwen2.5"), ("model", "gpt4o"), ("model", "o3-mini"), ("arch", "x86_64"),
                ("command", "EditorCopy"), ("command", "ReformatCode"), ("ide", "IntelliJ"), ("ide", "WebStorm"),
                ("os", "iPadOS"), ("count2", "12345678"), ("time2", "1717245296"), ("build", "241.18034"),
                ("styleKey", "java"), ("sortKey", "createdAt"), ("keyCode", "KeyA"), ("cacheKey", "models"),
                ("model", "deepseekv3"), ("platform", "win32"), ("model", "Phi3Mini"), ("buildNumber", "IU241")]:
    add(KS, "keep", v, name, "short id or word")

KLK = 'key-license'
for groups, size in [(5, 5), (4, 5), (4, 4), (6, 4), (4, 8), (5, 5), (4, 6), (4, 7), (3, 6), (5, 5), (4, 5), (4, 4)]:
    while True:
        parts = [q(size, UPPER_DIGITS) for _ in range(groups)]
        if sum(any(ch.isdigit() for ch in p) for p in parts) >= 2:
            break
    v = "-".join(parts)
    add(KLK, "drop", v.lower() if groups == 6 else v, Q.choice(NEUTRAL), "license-key block")
for v in ["aarch64-apple-darwin", "x86_64-unknown-linux-gnu", "2024-06-01", "IU-241.18034.62", "win32-x64-user",
          "darwin-arm64", "linux-x64", "claude-3-5-sonnet-20241022", "gpt-4o-2024-08-06", "gemini-1.5-pro-002",
          "jina-embeddings-v2-base-en", "ubuntu-22.04-lts", "text-embedding-3-small", "llama-v3p1-405b-instruct",
          "en-US", "sr-Latn-RS", "ABCD-EFGH-IJKL", "2024-W22"]:
    add(KLK, "keep", v, Q.choice(["model", "platform", "version", "locale", "timestamp", "target"]), "dash-joined id")

KI = 'key-id-secret'
for left, right in [("alice", "hunter2x9"), ("acct_1234", q(12)), ("user", "app-password"), ("admin", "s3cr3tPass"),
                    ("deploy", q(10, LOWER_ALNUM) + "7"), ("api", q(14)), ("svc-build", "Tk9x2mPq7z"), ("AC" + q(8, HEX), q(12)),
                    ("client_42", "secret-value"), ("bot", q(9) + "1"), ("jdoe", "token-" + q(6)), ("ci", "x7Hk29pLmQ"),
                    ("12345678", "a9" + q(10)), ("app", "pwd-" + q(8))]:
    add(KI, "drop", left + ":" + right, Q.choice(NEUTRAL), "id:secret")
for v in ["llama3.1:8b", "codellama:7b-instruct", "qwen2.5-coder:1.5b-base", "mxbai-embed-large:latest", "deepseek-r1:14b",
          "gemma2:9b-instruct-q4_K_M", "phi3:3.8b-mini-128k-instruct-q4_0", "starcoder2:15b-q8_0", "nomic-embed-text:v1.5",
          "llama3.2-vision:11b-instruct-fp16", "mistral:7b-instruct-v0.3-q5_K_M", "qwen2.5:72b-instruct", "12:34:56",
          "amazon.nova-pro-v1:0", "granite3-dense:8b", "llava:13b", "command-r:35b", "deepseek-coder-v2:16b-lite-instruct-q4_0"]:
    add(KI, "keep", v, Q.choice(["model", "modelName", "time2"]), "tag after a colon")

KC = 'key-compound'
for prefix in ["AB", "ZX", "pk", "sk", "QW", "tk", "ABC", "mkt", "XYZ", "ap"]:
    while True:
        body = q(Q.choice([10, 12, 16, 20]))
        if sum(1 for a, b in zip(body, body[1:]) if a.isdigit() != b.isdigit()) >= 3:
            break
    add(KC, "drop", prefix + "_" + body, Q.choice(NEUTRAL), "short prefix and underscore")
for _ in range(8):
    parts = []
    for size in [Q.choice([8, 12, 24]), 6, Q.choice([10, 27])]:
        while True:
            p_ = q(size, A + "-_")
            if sum(1 for a, b in zip(p_, p_[1:]) if a.isdigit() != b.isdigit()) >= 2 and any(ch.isdigit() for ch in p_):
                break
        parts.append(p_)
    add(KC, "drop", ".".join(parts), Q.choice(NEUTRAL), "dotted three-part key")
for v in ["us.anthropic.claude-3-5-sonnet-20241022-v2:0", "editor.action.inlineSuggest.commit", "en_US.UTF-8", "tab_autocomplete",
          "CHAT_MODE", "v1.2.3-beta.4", "workbench.action.chat.open", "meta.llama3-1-70b-instruct-v1:0", "1.2.3+build.42",
          "anthropic.claude-3-5-sonnet-20240620-v1:0", "edit_existing_file", "builtin_read_file", "com.intellij.codeInsight.completion",
          "vscode.typescript-language-features", "ms-python.vscode-pylance", "is_first_run", "GPT_4O_MINI", "node_modules_cache"]:
    add(KC, "keep", v, Q.choice(["model", "command", "kind", "extensionId", "locale"]), "compound identifier")

# model ids with deep paths and pricing wildcards: kept when every segment is vocabulary or version
MD = 'model-deep'
for v in ["meta/llama-3.1/8b/instruct", "google/gemma-2/9b/it", "mistralai/mistral/7b/v0.3/instruct", "openai/gpt-4o/2024-08-06/chat",
          "stabilityai/sdxl/1.0/text-to-image", "meta-llama/llama-3.2/11b/vision-instruct", "deepseek-ai/deepseek-coder/6.7b/instruct",
          "qwen/qwen2.5-coder/32b/instruct", "anthropic/claude-3.5/sonnet/latest", "nvidia/llama-3.1-nemotron/70b/instruct",
          "microsoft/phi-3/mini/128k-instruct", "google/gemini/1.5/pro/latest", "mistralai/codestral/22b/v0.1",
          "ibm/granite/3.0/8b/instruct", "meta/llama/3.1/405b/instruct/fp8"]:
    add(MD, "keep", v, Q.choice(["model", "modelId", "pricingKey2"]), "deep model path")
for v in ["gpt-4*", "gpt-4o-*", "claude-3-5-*", "openai/*", "*-mini", "anthropic/claude-*", "gemini-1.5-*", "o1-*",
          "*/llama-3.1-*", "mistral-*-latest", "claude-*-haiku-*", "meta-llama/*"]:
    add(MD, "keep", v, Q.choice(["model", "modelPattern", "pricingModel"]), "pricing wildcard")
for v in ["src/main/java/*", "home/alice/*", "*.env", "secrets/*", "alice/projects/billing/src", "Users/bob/*",
          "docs/internal/roadmap/q3", "~/.ssh/*", "C:\\Users\\*", "build/outputs/apk/release", "config/credentials/*",
          "node_modules/*", "/home/*/project", "projects/acme/billing/invoices/2024/q3"]:
    add(MD, "drop", v, Q.choice(["model", "pattern", "value"]), "path or glob")

# ---------------------------------------------------------------- issue 12
PR = 'product'
for v in ["Visual Studio Code - Insiders", "IntelliJ IDEA 2024.1.4 (Ultimate Edition)", "Android Studio Koala | 2024.1.1 Patch 1",
          "PyCharm 2024.1.4 (Professional Edition)", "Eclipse IDE 2024-06 (4.32)", "Zed Preview 0.145.1", "Cursor 0.40.3",
          "Android Studio Ladybug Feature Drop | 2024.2.2", "JetBrains Rider 2024.1.3", "IntelliJ IDEA 2024.2 EAP",
          "Visual Studio Code 1.91.1 (user setup)", "VSCodium 1.90.2", "Neovim v0.10.0", "Sublime Text Build 4180",
          "Node.js v20.11.1", "node v20.11.1", "Python 3.12.1", "bash 5.2.15", "zsh 5.9", "PowerShell 7.4.1", "pwsh 7.4",
          "fish 3.7.0", "Deno 1.40.2", "Bun 1.0.25", "go1.22.0", "Go 1.22.0", "rustc 1.76.0", "Ruby 3.3.0", "OpenJDK 21.0.2",
          "Java 17", "Kotlin 1.9.22", "GraalVM CE 21.0.2+13.1", "Windows 11 Pro 23H2", "Windows Server 2022 R2",
          "macOS 14.5 (23F79)", "Ubuntu 24.04 LTS (Noble Numbat)", "Fedora Linux 40 (KDE Plasma)", "Xcode 15.4 (15F31d)",
          "Temurin-21.0.3+9", "Windows 10 Enterprise LTSC 2021", "Pop!_OS 22.04 LTS", "IntelliJ IDEA 2023.3.6 (Community Edition)",
          "GoLand 2024.1 RC", "WebStorm 2024.1.5 Build #WS-241.18034.50", "Visual Studio 2022 17.10.3", "CLion 2024.1 Nova"]:
    add(PR, "keep", v, Q.choice(["ideName", "ideVersion", "runtime", "shell", "osName", "product"]), "product string")
for v in ["Alice's MacBook Pro", "IntelliJ IDEA - /home/alice/billing", "Visual Studio Code - alice@example.com",
          "PyCharm 2024.1 (alice-laptop)", "Node.js v20 at /Users/bob/.nvm", "bash 5.2 hunter2", "Windows 11 Pro DESKTOP-8JQ2K1L",
          "Cursor 0.40.3 - secret-app - Alice Smith", "Zed Preview - ~/projects/acme", "Ubuntu 24.04 on ledger.acme.internal",
          "Python 3.12 in C:\\Users\\carol\\venv", "PowerShell 7.4 as ACME\\dave", "macOS Sonoma - Bob's iMac",
          "Eclipse IDE for alice.smith", "Android Studio Koala | jane_doe"]:
    add(PR, "drop", v, Q.choice(["ideName", "osName", "runtime", "label"]), "product string with personal data")

SH = 'shortcut'
for v in ["Ctrl+`", "Cmd+,", "Ctrl+/", "Ctrl+.", "Ctrl+Shift+[", "Alt+-", "Ctrl+=", "Ctrl+;", "Cmd+'", "Ctrl+\\",
          "ctrl+k ctrl+c", "Ctrl+K Ctrl+S", "cmd+shift+p", "Shift+Alt+F", "⌘K", "⌘⇧P", "⌥⌘I", "Ctrl+Shift+`", "Cmd+]",
          "Ctrl+Alt+Left", "F12", "Shift+F6", "Ctrl+Space", "Cmd+Shift+.", "Ctrl+Shift+-", "Alt+Shift+Down", "Meta+/",
          "Ctrl+PageDown", "Option+Enter", "ctrl+shift+alt+/", "Ctrl+Numpad+", "Cmd+Ctrl+F", "Ctrl+Tab", "Esc Esc"]:
    add(SH, "keep", v, Q.choice(["shortcut", "keybinding", "key2", "accelerator"]), "keyboard shortcut")
for v in ["Ctrl+V hunter2", "ctrl+c alice@example.com", "Cmd+S /Users/bob/notes.txt", "Ctrl+Shift+P then type sk-" + q(20),
          "alt+f4 please", "a+b=c", "Ctrl+K secret", "Cmd+Opt+" + q(12), "cmd+" + q(16), "Ctrl+Shift+" + q(10, LOWER_ALNUM),
          "Alt+" + "alice.smith@example.org", "Ctrl+Alt+" + q(9), "ctrl+k ctrl+" + q(12), "Meta+V ghp_" + q(36), "Shift+Ins 4111 1111 1111 1111"]:
    add(SH, "drop", v, Q.choice(["shortcut", "keybinding", "label"]), "shortcut-like text")

RF = 'route-file'
for v in ["/index.html", "/docs/getting-started.html", "/help/shortcuts.html", "/settings/index.html", "/about.html",
          "/guide/intro.htm", "/docs/reference/cli.html", "/faq.php", "/login.aspx", "/web/main.jsp", "/docs/changelog.html",
          "/release-notes/1.91.html", "/tutorial/step-1.html", "/docs/models/openai.html", "/pricing.html", "/blog/launch.html",
          "/docs/index.html", "/help/troubleshooting.htm", "/search.php", "/welcome.html", "/onboarding/step2.html",
          "/docs/api/v1/overview.html", "/status.html", "/legal/privacy.html", "/docs/keyboard-shortcuts.html",
          "/extensions/continue.html", "/setup/windows.html", "/quickstart.html", "/docs/faq.html", "/404.html"]:
    add(RF, "keep", v, Q.choice(["$current_url", "$pathname", "route", "page"]), "route ending in a file name")
for v in ["/home/alice/index.html", "/Users/bob/site/index.html", "/tmp/report.html", "/var/www/html/index.php",
          "/etc/nginx/nginx.conf", "/home/alice/.ssh/config.html", "/Users/carol/Desktop/resume.html", "/tmp/x.php",
          "/mnt/c/Users/alice/site/index.html", "/opt/app/secrets.json", "/root/notes.html", "/workspace/acme/index.html",
          "/private/var/folders/report.html", "/Volumes/External/site/index.html", "/srv/www/alice/index.php",
          "/home/bob/public_html/index.html", "/data/customers/export.html", "/usr/local/share/doc/index.html"]:
    add(RF, "drop", v, Q.choice(["$current_url", "route", "page", "value"]), "file path")

RH = 'reserved-host'
for v in ["build.test", "api.example", "db.invalid", "nas.home.arpa", "git.corp", "ci.internal", "jira.acme.lan",
          "wiki.intranet", "vault.private", "srv01.localdomain", "proxy.alt", "host.zz", "box.qz", "app.xa",
          "grafana.acme.tools", "status.acme.io", "alice.me", "bob.tv", "carol.fm", "dave.blog", "erin.page",
          "svc.acme.cloud", "acme.systems", "acme-billing.ninja", "staging.acme.app", "db.acme.xyz", "build.acme.dev",
          "mail.acme.co.jp", "intranet.acme.de", "files.acme.net.au", "ledger.acme.com.br", "git.acme.engineering",
          "minio.acme.storage", "ollama.acme.ai", "llm-gateway.acme.company", "jenkins.example.test", "printer.office.home"]:
    add(RH, "drop", v, Q.choice(["value", "server", "endpoint2", "origin3"]), "host name")
for v in ["github.com", "api.openai.com", "api.anthropic.com", "openrouter.ai", "huggingface.co", "gitlab.com",
          "marketplace.visualstudio.com", "plugins.jetbrains.com", "registry.npmjs.org", "pypi.org", "api.mistral.ai",
          "generativelanguage.googleapis.com", "api.groq.com", "api.deepseek.com", "api.together.xyz", "ollama.com",
          "workbench.action.files.save", "git.commit", "vscode.open", "llama.cpp", "Node.js", "transformers.js", "d.ts",
          "editor.action.formatDocument", "redhat.java", "continue.quickEdit", "golang.go", "en_US.UTF-8",
          "anthropic.claude-v2", "file.open", "workbench.action.tasks.test", "ms-python.python", "github.copilot"]:
    add(RH, "keep", v, Q.choice(["provider", "apiHost", "command", "kind", "extensionId"]), "public service domain or identifier")

CN = 'compound-name'
for name, v in [("styleKey", "java"), ("sortKey", "createdAt"), ("keyCode", "KeyA"), ("keyboardLayout", "us"), ("cacheKey", "models"),
                ("queryKey", "chat-history"), ("themeKey", "dark-plus"), ("i18nKey", "settings.title"), ("textDirection", "ltr"),
                ("codeLensEnabled", "true"), ("inputMethod", "ime"), ("messageType", "info"), ("codeAction", "quickfix"),
                ("keyBinding", "ctrl+k"), ("primaryKey", "id"), ("columnKey", "name"), ("rowKey", "42"), ("nodeKey", "root"),
                ("layoutKey", "split"), ("tabKey", "Tab"), ("modifierKey", "Shift"), ("fieldKey", "status"), ("storeKey", "settings"),
                ("colorKey", "accent"), ("groupKey", "recent"), ("textAlign", "left"), ("codeStyle", "google"),
                ("keyboardType", "qwerty"), ("keymap", "vscode"), ("hotkey", "ctrl+space"), ("menuKey", "file.open"),
                ("propertyKey", "editor.fontSize"), ("eventKey", "Enter"), ("textWrap", "on")]:
    add(CN, "keep", v, name, "compound name, harmless value")
for name, v in [("apiKey", "gpt-4o"), ("licenseKey", "ABCD-1234-EFGH-5678"), ("userKey", "alice"), ("accessKey", "x"),
                ("privateKey", "k"), ("secretText", "hello"), ("selectedText", "foo"), ("sourceCode", "x"),
                ("openaiKey", "x8Kd92LmQ4"), ("stripeKey", "4820193847"), ("styleKey", "a1b2c3d4e5"), ("sortKey", "83920184"),
                ("mapsKey", "k29dk3l20s"), ("accountKey", "abc"), ("clientKey", "web"), ("subscriptionKey", "x"),
                ("signingKey", "y"), ("encryptionKey", "z"), ("masterKey", "m"), ("key", "value1"), ("keys", "a,b"),
                ("sessionKey", "s"), ("serviceKey", "svc"), ("appKey", "app"), ("authKey", "a"), ("promptText", "hi"),
                ("commitText", "fix"), ("pastedCode", "x = 1"), ("activationKey", "7Hk2mQ9pLx"), ("deeplKey", "3f8a9c2e-1b")]:
    add(CN, "drop", v, name, "compound name that announces a secret or content")

# typed text one fragment at a time: the sequence, not the single value, gives it away
TS = 'typed-sequence'
def seq(expect, values, name, interval, note):
    add(TS, expect, values, name, note)
    cases[-1]["sequence"] = True
    cases[-1]["intervalMs"] = interval
for _ in range(12):
    seq("drop", list(q(Q.choice([20, 32, 40, 53]))), Q.choice(["keyChar", "ch", "typed", "c", "value"]), Q.choice([80, 150, 300]), "key typed one character at a time")
for word in ["hunter2", "password123", "alice@example.com", "Invoice for ACME", "sk-proj-abcdef", "my secret plan"]:
    seq("drop", list(word), Q.choice(["keyChar", "ch", "typed"]), 120, "word typed one character at a time")
for text in ["the quick brown fox jumps", "select * from users where", "AKIAIOSFODNN7EXAMPLE"]:
    seq("drop", [text[i:i + 2] for i in range(0, len(text), 2)], "fragment", 200, "two-character fragments")
for text in ["call me tomorrow at nine", "ghp_" + q(20)]:
    seq("drop", [text[i:i + 3] for i in range(0, len(text), 3)], "chunk", 250, "three-character fragments")
for _ in range(4):
    seq("drop", [Q.choice(string.ascii_letters) for _ in range(30)], "key", 60, "fast typing")
for name, values, interval in [("languageId", ["ts"] * 20, 300), ("languageId", ["py"] * 12, 100), ("fileExtension", ["ts", "ts", "tsx", "tsx"], 3000),
                               ("outcome", ["ok", "no", "ok", "no", "ok"], 5000), ("lang", ["en"] * 30, 50), ("arch", ["x64"] * 10, 10),
                               ("mode", ["a", "b", "a", "b"], 10000), ("os", ["mac"] * 8, 500), ("locale", ["de", "de", "de"], 100),
                               ("tab", ["1", "2", "3"], 4000), ("status", ["ok"] * 15, 20), ("provider", ["openai", "anthropic", "ollama", "openai"], 100),
                               ("model", ["gpt-4o", "o1", "gpt-4o", "o1"], 5000), ("count2", ["1", "1", "1", "1"], 100), ("key2", ["F5", "F5", "F5"], 500),
                               ("languageId", ["go", "go", "js", "js", "go"], 3000)]:
    seq("keep", values, name, interval, "repeated or slow short values")

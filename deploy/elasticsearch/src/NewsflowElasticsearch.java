import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.elasticsearch.Build;
import org.elasticsearch.cluster.service.ClusterService;
import org.elasticsearch.common.logging.LogConfigurator;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.env.Environment;
import org.elasticsearch.index.analysis.AnalyzerProvider;
import org.elasticsearch.index.analysis.AnalyzerScope;
import org.elasticsearch.index.analysis.NormalizingTokenFilterFactory;
import org.elasticsearch.index.analysis.TokenFilterFactory;
import org.elasticsearch.indices.analysis.AnalysisModule.AnalysisProvider;
import org.elasticsearch.node.InternalSettingsPreparer;
import org.elasticsearch.node.MockNode;
import org.elasticsearch.node.Node;
import org.elasticsearch.plugins.AnalysisPlugin;
import org.elasticsearch.plugins.Plugin;
import org.elasticsearch.rest.RestController;
import org.elasticsearch.rest.RestHandler;
import org.elasticsearch.rest.RestRequest;
import org.elasticsearch.rest.RestResponse;
import org.elasticsearch.rest.RestStatus;
import org.elasticsearch.transport.netty4.Netty4Plugin;
import org.elasticsearch.xcontent.XContentBuilder;

import java.io.Closeable;
import java.io.PrintStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Runs one real Elasticsearch node in this JVM, without Docker and without the distribution's
 * bin/elasticsearch (which needs the server-cli launcher and refuses to run as root).
 *
 * Why MockNode: the public {@code new Node(Environment, PluginsLoader)} only loads plugins from
 * module directories on disk, while everything we get from Maven Central is plain jars. The test
 * framework's MockNode (org.elasticsearch.test:framework) builds a normal Node whose PluginsService
 * takes plugin classes from the classpath. With none of the test-only marker plugins passed, it
 * creates the stock search/transport/HTTP services, so this is the real server + real REST layer.
 *
 * Usage (every option has a default; see README.md for the JVM flags):
 *   java -Xms512m -Xmx512m -cp 'LIBDIR/*:CLASSDIR' NewsflowElasticsearch \
 *     --http-port 9200 --transport-port 9300 --data DIR --logs DIR --cluster-name newsflow
 *     [--node-name newsflow-es-1] [--home DIR (default: <data>-home, holds config/log4j2.properties)]
 *     [--seed-hosts 127.0.0.1:9300,127.0.0.1:9301 --initial-master-nodes es-1,es-2 [--roles master]]
 * Exits 1 with a one-line reason on stderr if the node cannot start (port taken, data dir locked, ...).
 */
public final class NewsflowElasticsearch {

    /** Captured before LogConfigurator swaps System.err for a log4j-backed stream. */
    private static final PrintStream CONSOLE_ERR = System.err;
    private static final CountDownLatch STOPPED = new CountDownLatch(1);

    public static void main(String[] args) {
        // As the distribution's launcher does: our shutdown hook closes the node and then log4j itself;
        // log4j's own hook would otherwise stop logging in the middle of node.close().
        System.setProperty("log4j.shutdownHookEnabled", "false");
        System.setProperty("log4j2.disable.jmx", "true");
        Map<String, String> opt = parseArgs(args);
        int httpPort = Integer.parseInt(opt.getOrDefault("http-port", "9200"));
        // transport is only used node-to-node; single node, but it still binds. Range = "first free".
        String transportPort = opt.getOrDefault("transport-port", "9300-9399");
        Path data = Path.of(opt.getOrDefault("data", "data/elasticsearch")).toAbsolutePath().normalize();
        Path logs = Path.of(opt.getOrDefault("logs", "logs/elasticsearch")).toAbsolutePath().normalize();
        // path.home only holds config/log4j2.properties (written below); keep it next to the data dir.
        Path home = Path.of(opt.getOrDefault("home", data + "-home")).toAbsolutePath().normalize();
        String clusterName = opt.getOrDefault("cluster-name", "newsflow");
        String nodeName = opt.getOrDefault("node-name", "newsflow-es-1");

        Node node = null;
        try {
            Files.createDirectories(data);
            Files.createDirectories(logs);
            Files.createDirectories(home.resolve("config"));
            // Our own log4j config: everything to <logs>/<cluster>.log, only WARN+ to stderr.
            Files.writeString(home.resolve("config/log4j2.properties"), LOG4J2);

            Settings settings = Settings.builder()
                .put("path.home", home.toString())
                .put("path.data", data.toString())
                .put("path.logs", logs.toString())
                .put("cluster.name", clusterName)
                .put("node.name", nodeName)
                .put("network.host", "127.0.0.1")         // loopback only (HTTP and transport)
                .put("http.port", Integer.toString(httpPort))
                .put("transport.port", transportPort)
                // dev machines often have >90% full disks; don't flip indices to read-only
                .put("cluster.routing.allocation.disk.threshold_enabled", false)
                .put(discovery(opt))
                .build();

            Environment env = InternalSettingsPreparer.prepareEnvironment(settings, Map.of(), home.resolve("config"), () -> nodeName);
            // Same order as the real bootstrap: route ES logging to log4j, then load config/log4j2.properties.
            // (This also redirects System.out/err into log4j, hence CONSOLE_ERR for our own messages.)
            LogConfigurator.registerErrorListener();
            LogConfigurator.setNodeName(nodeName);
            LogConfigurator.setClusterName(clusterName);
            LogConfigurator.configure(env, true);

            List<Class<? extends Plugin>> plugins = List.of(
                Netty4Plugin.class,               // the HTTP + transport layer (module transport-netty4)
                NewsflowAnalysisPlugin.class);    // stand-in for analysis-common, see below
            // MockNode's public constructors call ESTestCase.getPortRange(), whose static init needs a
            // randomized-testing context and refuses root. The private (Environment, plugins, forbidPrivateIndexSettings,
            // onClose) constructor is the one they delegate to and has no test dependencies, so call it directly.
            Constructor<MockNode> ctor = MockNode.class.getDeclaredConstructor(Environment.class, Collection.class, boolean.class, Closeable.class);
            ctor.setAccessible(true);
            node = ctor.newInstance(env, plugins, true, (Closeable) () -> {});
            // SIGTERM/SIGINT (also System.exit) -> close the node: flushes shards, releases node.lock, unbinds.
            // Installed before start() so a signal during startup also closes cleanly. close() is idempotent.
            final Node toClose = node;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                closeQuietly(toClose);
                STOPPED.countDown();
                org.apache.logging.log4j.LogManager.shutdown();
            }, "newsflow-es-shutdown"));
            registerRootEndpoint(node, nodeName);
            node.start();
        } catch (Throwable t) {
            if (t instanceof InvocationTargetException && t.getCause() != null) t = t.getCause();
            CONSOLE_ERR.println("newsflow-elasticsearch: cannot start node (http port " + httpPort + ", data " + data + "): " + describe(t));
            try { // full stack trace into the log file only, not onto the console
                LogConfigurator.removeConsoleAppender();
                org.apache.logging.log4j.LogManager.getLogger(NewsflowElasticsearch.class).error("cannot start node", t);
            } catch (Throwable ignored) {
                t.printStackTrace(CONSOLE_ERR); // logging itself was not set up
            }
            System.exit(1);  // runs the shutdown hook (if installed), which closes the half-built node
        }

        CONSOLE_ERR.println("newsflow-elasticsearch: started " + nodeName + " on http://127.0.0.1:" + httpPort
            + " (data " + data + ", logs " + logs + ")");
        // Like the distribution's keep-alive thread: park main until SIGTERM/SIGINT runs the shutdown hook.
        try {
            STOPPED.await();
        } catch (InterruptedException ignored) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * GET / and HEAD / live in the distribution's rest-root module,
     * which is not on Maven Central. Clients use it for info()/ping(), so answer it with the same fields.
     * Registered on the node's RestController before start(), i.e. before HTTP is bound.
     */
    private static void registerRootEndpoint(Node node, String nodeName) {
        ClusterService clusterService = node.injector().getInstance(ClusterService.class);
        RestHandler handler = (request, channel, client) -> {
            Build build = Build.current();
            XContentBuilder b = channel.newBuilder();
            b.startObject()
                .field("name", nodeName)
                .field("cluster_name", clusterService.getClusterName().value())
                .field("cluster_uuid", clusterService.state().metadata().clusterUUID())
                .startObject("version")
                .field("number", build.qualifiedVersion())
                .field("build_flavor", build.flavor())
                .field("build_type", build.type().displayName())
                .field("build_hash", build.hash())
                .field("build_date", build.date())
                .field("build_snapshot", build.isSnapshot())
                .field("lucene_version", org.apache.lucene.util.Version.LATEST.toString())
                .field("minimum_wire_compatibility_version", build.minWireCompatVersion())
                .field("minimum_index_compatibility_version", build.minIndexCompatVersion())
                .endObject()
                .field("tagline", "You Know, for Search")
                .endObject();
            channel.sendResponse(new RestResponse(RestStatus.OK, b));
        };
        RestController rest = node.injector().getInstance(RestController.class);
        rest.registerHandler(new RestHandler.Route(RestRequest.Method.GET, "/"), handler);
        rest.registerHandler(new RestHandler.Route(RestRequest.Method.HEAD, "/"), handler); // body is dropped for HEAD
    }

    /**
     * Single node unless --seed-hosts is given. A cluster finds its peers over the real netty4
     * transport at the seed hosts; --initial-master-nodes names the master-eligible nodes that vote
     * in the very first election (ignored once the cluster has formed, as in the distribution).
     * --roles restricts a node, e.g. "master" for a tiny tie-breaker that holds no data.
     */
    private static Settings discovery(Map<String, String> opt) {
        String seeds = opt.get("seed-hosts");
        if (seeds == null) return Settings.builder().put("discovery.type", "single-node").build();
        Settings.Builder b = Settings.builder()
            .putList("discovery.seed_hosts", List.of(seeds.split(",")))
            .putList("cluster.initial_master_nodes", List.of(opt.getOrDefault("initial-master-nodes", "").split(",")));
        if (opt.containsKey("roles")) b.putList("node.roles", List.of(opt.get("roles").split(",")));
        return b.build();
    }

    private static void closeQuietly(Node node) {
        if (node == null) return;
        try {
            node.close();
            node.awaitClose(20, TimeUnit.SECONDS);
        } catch (Throwable t) {
            CONSOLE_ERR.println("newsflow-elasticsearch: error while closing node: " + describe(t));
        }
    }

    private static String describe(Throwable t) {
        StringBuilder sb = new StringBuilder(String.valueOf(t));
        for (Throwable c = t.getCause(); c != null && c != c.getCause(); c = c.getCause()) sb.append(" <- ").append(c);
        return sb.toString();
    }

    private static Map<String, String> parseArgs(String[] args) {
        Map<String, String> m = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (!a.startsWith("--")) throw new IllegalArgumentException("unexpected argument: " + a);
            int eq = a.indexOf('=');
            if (eq > 0) m.put(a.substring(2, eq), a.substring(eq + 1));
            else if (i + 1 < args.length) m.put(a.substring(2), args[++i]);
            else throw new IllegalArgumentException("missing value for " + a);
        }
        return m;
    }

    /**
     * analysis-common (which provides the language analyzers and most token filters) is NOT published to
     * Maven Central for 8.x/9.x. These few components are the same Lucene classes that module wraps,
     * registered under the same names, so mappings can say "analyzer": "english" and custom analyzers
     * can use "asciifolding" / "porter_stem". ("lowercase" and "stop" are already built into the server.)
     */
    public static final class NewsflowAnalysisPlugin extends Plugin implements AnalysisPlugin {
        // Implemented against the interfaces, not AbstractIndexAnalyzerProvider/AbstractTokenFilterFactory,
        // whose constructors differ between 8.x and 9.x: this file compiles against both.
        @Override
        public Map<String, AnalysisProvider<AnalyzerProvider<? extends Analyzer>>> getAnalyzers() {
            return Map.of("english", (indexSettings, env, name, s) -> {
                // default stop words = Lucene's English set, identical to ES's "_english_"
                Analyzer analyzer = new EnglishAnalyzer(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET, CharArraySet.EMPTY_SET);
                return new AnalyzerProvider<Analyzer>() {
                    public String name() { return name; }
                    public AnalyzerScope scope() { return AnalyzerScope.INDEX; }
                    public Analyzer get() { return analyzer; }
                };
            });
        }

        @Override
        public Map<String, AnalysisProvider<TokenFilterFactory>> getTokenFilters() {
            return Map.of(
                // Normalizing: also allowed in keyword normalizers, like the real one
                "asciifolding", (indexSettings, env, name, s) -> new NormalizingTokenFilterFactory() {
                    final boolean preserveOriginal = s.getAsBoolean("preserve_original", false);
                    public String name() { return name; }
                    public TokenStream create(TokenStream ts) { return new ASCIIFoldingFilter(ts, preserveOriginal); }
                },
                "porter_stem", (indexSettings, env, name, s) -> new TokenFilterFactory() {
                    public String name() { return name; }
                    public TokenStream create(TokenStream ts) { return new PorterStemFilter(ts); }
                });
        }
    }

    private static final String LOG4J2 = """
        status = error
        appender.console.type = Console
        appender.console.name = console
        appender.console.target = SYSTEM_ERR
        appender.console.layout.type = PatternLayout
        appender.console.layout.pattern = [%d{ISO8601}][%-5p][%-25c{1.}] [%node_name]%marker %m%n
        appender.console.filter.threshold.type = ThresholdFilter
        appender.console.filter.threshold.level = warn
        appender.file.type = RollingFile
        appender.file.name = file
        appender.file.fileName = ${sys:es.logs.base_path}${sys:file.separator}${sys:es.logs.cluster_name}.log
        appender.file.filePattern = ${sys:es.logs.base_path}${sys:file.separator}${sys:es.logs.cluster_name}-%i.log.gz
        appender.file.layout.type = PatternLayout
        appender.file.layout.pattern = [%d{ISO8601}][%-5p][%-25c{1.}] [%node_name]%marker %m%n
        appender.file.policies.type = Policies
        appender.file.policies.size.type = SizeBasedTriggeringPolicy
        appender.file.policies.size.size = 64MB
        appender.file.strategy.type = DefaultRolloverStrategy
        appender.file.strategy.max = 4
        rootLogger.level = info
        rootLogger.appenderRef.console.ref = console
        rootLogger.appenderRef.file.ref = file
        """;
}

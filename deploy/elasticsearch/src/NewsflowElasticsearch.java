import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.elasticsearch.common.logging.LogConfigurator;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.index.analysis.AbstractIndexAnalyzerProvider;
import org.elasticsearch.index.analysis.AbstractTokenFilterFactory;
import org.elasticsearch.index.analysis.AnalyzerProvider;
import org.elasticsearch.index.analysis.TokenFilterFactory;
import org.elasticsearch.indices.analysis.AnalysisModule.AnalysisProvider;
import org.elasticsearch.node.MockNode;
import org.elasticsearch.node.Node;
import org.elasticsearch.plugins.AnalysisPlugin;
import org.elasticsearch.plugins.Plugin;
import org.elasticsearch.transport.netty4.Netty4Plugin;

import java.nio.file.Files;
import java.nio.file.Path;
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
 * Usage (all optional):
 *   java -Xms512m -Xmx512m -cp 'LIBDIR/*:CLASSDIR' NewsflowElasticsearch \
 *     --http-port 9200 --transport-port 9300 --data DIR --logs DIR --cluster-name newsflow
 */
public final class NewsflowElasticsearch {

    public static void main(String[] args) {
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
                .put("discovery.type", "single-node")     // no cluster formation, no bootstrap checks
                .put("network.host", "127.0.0.1")         // loopback only (HTTP and transport)
                .put("http.port", Integer.toString(httpPort))
                .put("transport.port", transportPort)
                // dev machines often have >90% full disks; don't flip indices to read-only
                .put("cluster.routing.allocation.disk.threshold_enabled", false)
                .build();

            // Same order as the real bootstrap: route ES logging to log4j, then load config/log4j2.properties.
            LogConfigurator.registerErrorListener();
            LogConfigurator.setNodeName(nodeName);
            LogConfigurator.setClusterName(clusterName);
            LogConfigurator.configure(
                org.elasticsearch.node.InternalSettingsPreparer.prepareEnvironment(settings, Map.of(), home.resolve("config"), () -> nodeName),
                false);

            List<Class<? extends Plugin>> plugins = List.of(
                Netty4Plugin.class,               // the HTTP + transport layer (module transport-netty4)
                NewsflowAnalysisPlugin.class);    // stand-in for analysis-common, see below
            node = new MockNode(settings, plugins, home.resolve("config"), true, () -> {});
            node.start();
        } catch (Throwable t) {
            System.err.println("newsflow-elasticsearch: cannot start node (http port " + httpPort + ", data " + data + "): " + describe(t));
            closeQuietly(node);
            System.exit(1);
        }

        // Node threads are daemons-or-not depending on pool; keep main alive until SIGTERM/SIGINT.
        CountDownLatch stopped = new CountDownLatch(1);
        final Node started = node;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            closeQuietly(started);     // flushes shards, releases node.lock, closes ports
            stopped.countDown();
            org.apache.logging.log4j.LogManager.shutdown();
        }, "newsflow-es-shutdown"));
        System.out.println("newsflow-elasticsearch: started " + nodeName + " on http://127.0.0.1:" + httpPort
            + " (data " + data + ", logs " + logs + ")");
        try {
            stopped.await();
        } catch (InterruptedException ignored) {
            Thread.currentThread().interrupt();
        }
    }

    private static void closeQuietly(Node node) {
        if (node == null) return;
        try {
            node.close();
            node.awaitClose(20, TimeUnit.SECONDS);
        } catch (Throwable t) {
            System.err.println("newsflow-elasticsearch: error while closing node: " + describe(t));
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
        @Override
        public Map<String, AnalysisProvider<AnalyzerProvider<? extends Analyzer>>> getAnalyzers() {
            return Map.of("english", (indexSettings, env, name, s) -> new AbstractIndexAnalyzerProvider<Analyzer>(name, s) {
                // default stop words = Lucene's English set, identical to ES's "_english_"
                private final Analyzer analyzer = new EnglishAnalyzer(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET, CharArraySet.EMPTY_SET);
                @Override
                public Analyzer get() { return analyzer; }
            });
        }

        @Override
        public Map<String, AnalysisProvider<TokenFilterFactory>> getTokenFilters() {
            return Map.of(
                "asciifolding", (indexSettings, env, name, s) -> new AbstractTokenFilterFactory(name, s) {
                    private final boolean preserveOriginal = s.getAsBoolean("preserve_original", false);
                    @Override
                    public TokenStream create(TokenStream ts) { return new ASCIIFoldingFilter(ts, preserveOriginal); }
                },
                "porter_stem", (indexSettings, env, name, s) -> new AbstractTokenFilterFactory(name, s) {
                    @Override
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

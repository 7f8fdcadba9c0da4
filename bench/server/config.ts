export interface BenchConfig {
  app: string;
  tokenEndpoint: string;
  clientSecret: string;
}

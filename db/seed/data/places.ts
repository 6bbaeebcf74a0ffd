// The ISP's coverage area: the south of Minas Gerais (DDD 35) and the east of São Paulo (DDD 19).
import type { Uf } from "@/db/schema/constants";

export interface CitySeed {
  /** Short tag used in server, access point and login names. */
  tag: string;
  name: string;
  uf: Uf;
  ibgeCode: string | null;
  ddd: number;
  /** Share of the customer base living here. */
  weight: number;
  /** Real-looking 4-digit landline exchanges (first digit 2–5). */
  exchanges: readonly string[];
  /** A single CEP for the whole town, or the 5-digit prefixes its street CEPs start with. */
  cep: { single: string } | { prefixes: readonly string[] };
  neighbourhoods: readonly string[];
  /** Well-known streets of the Centro (the rest come from the generic pool). */
  centroStreets: readonly string[];
}

export const CITIES: readonly CitySeed[] = [
  {
    tag: "PCS", name: "Poços de Caldas", uf: "MG", ibgeCode: "3151800", ddd: 35, weight: 40,
    exchanges: ["3697", "3712", "3713", "3714", "3715", "3721", "3722", "3729"],
    cep: { prefixes: ["37701", "37702", "37704", "37706", "37713"] },
    neighbourhoods: [
      "Centro", "Jardim dos Estados", "Jardim Quisisana", "Jardim Country Club", "Jardim Cascatinha", "Vila Nova",
      "Jardim Bandeirantes", "Jardim Centenário", "Jardim Elizabeth", "Parque Esperança", "Vila Togni",
      "Jardim Kennedy", "Santa Ângela", "Jardim Europa",
    ],
    centroStreets: [
      "Rua Assis Figueiredo", "Rua Prefeito Chagas", "Avenida João Pinheiro", "Avenida Francisco Salles",
      "Rua Rio Grande do Sul", "Rua Pernambuco", "Rua Junqueiras", "Rua Minas Gerais", "Rua São Paulo",
      "Rua Paraná", "Rua Santa Catarina",
    ],
  },
  {
    tag: "AND", name: "Andradas", uf: "MG", ibgeCode: "3102605", ddd: 35, weight: 10,
    exchanges: ["3731", "3732", "3739"],
    cep: { single: "37795-000" },
    neighbourhoods: [
      "Centro", "Vila Botelho", "Jardim Alvorada", "Jardim Planalto", "Vila Paraíso", "Parque Ipanema",
      "Jardim Brasil", "Vila Nova", "Jardim das Palmeiras", "Morada do Sol",
    ],
    centroStreets: ["Rua Coronel Oliveira", "Praça Vinte e Dois de Fevereiro", "Rua Tiradentes", "Avenida Pedro Álvares Cabral", "Rua Siqueira Campos"],
  },
  {
    tag: "CLD", name: "Caldas", uf: "MG", ibgeCode: "3110301", ddd: 35, weight: 5,
    exchanges: ["3735"],
    cep: { single: "37780-000" },
    neighbourhoods: [
      "Centro", "Vila Mariana", "Jardim América", "Boa Vista", "Vila São Pedro", "Pocinhos do Rio Verde",
      "Jardim Santa Rita", "Vila Nova",
    ],
    centroStreets: ["Rua Coronel Fernandes", "Praça Coronel Osório", "Rua Doutor Pedro Sanches", "Rua Tiradentes"],
  },
  {
    tag: "SJB", name: "São João da Boa Vista", uf: "SP", ibgeCode: "3549102", ddd: 19, weight: 20,
    exchanges: ["3623", "3631", "3633", "3634", "3638"],
    cep: { prefixes: ["13870", "13871", "13872", "13874"] },
    neighbourhoods: [
      "Centro", "Jardim Santo André", "Vila Conrado", "Perpétuo Socorro", "Vila Valentin", "Parque Colina da Mantiqueira",
      "Jardim Nova São João", "Jardim Molinari", "Vila Zanetti", "Jardim Recanto do Sol", "Jardim Aurora", "Vila Brasil",
    ],
    centroStreets: [
      "Rua General Osório", "Rua Marechal Deodoro", "Avenida Dona Gertrudes", "Rua Getúlio Vargas", "Rua Riachuelo",
      "Rua Senador Saraiva", "Rua Benjamin Constant", "Rua Quinze de Novembro",
    ],
  },
  {
    tag: "ADP", name: "Águas da Prata", uf: "SP", ibgeCode: "3500402", ddd: 19, weight: 5,
    exchanges: ["3642"],
    cep: { single: "13890-000" },
    neighbourhoods: [
      "Centro", "Jardim Vista Alegre", "Vila Rica", "São Roque da Fartura", "Jardim Bela Vista", "Parque das Fontes",
      "Vila Nova", "Jardim Mirante",
    ],
    centroStreets: ["Avenida Washington Luís", "Rua Doutor Francisco Toledo", "Praça Prefeito Antônio Sartori", "Rua Bom Jesus"],
  },
  {
    tag: "VGS", name: "Vargem Grande do Sul", uf: "SP", ibgeCode: "3556404", ddd: 19, weight: 10,
    exchanges: ["3641", "3643"],
    cep: { single: "13880-000" },
    neighbourhoods: [
      "Centro", "Jardim Fortaleza", "Vila Santana", "Jardim Paulista", "Jardim Morumbi", "Vila Polar", "Jardim Itália",
      "Jardim São Luiz", "Parque Residencial Casarão", "Vila Nova",
    ],
    centroStreets: ["Rua Coronel Lúcio", "Praça Washington Luís", "Rua do Rosário", "Rua Capitão Hilário", "Avenida Brasil"],
  },
  {
    tag: "ESP", name: "Espírito Santo do Pinhal", uf: "SP", ibgeCode: "3515186", ddd: 19, weight: 10,
    exchanges: ["3651", "3661"],
    cep: { single: "13990-000" },
    neighbourhoods: [
      "Centro", "Jardim Universitário", "Vila Santo Antônio", "Jardim Santa Marina", "Jardim das Oliveiras", "Vila Rosa",
      "Jardim Eldorado", "Parque dos Ipês", "Vila São Benedito", "Jardim Mirassol",
    ],
    centroStreets: ["Rua Doutor Gastão Vidigal", "Rua Tiradentes", "Praça da Independência", "Rua Barão do Rio Branco", "Rua Vergueiro"],
  },
];

/** Street names found in any Brazilian town; each neighbourhood gets a few. */
export const STREET_POOL = [
  "Rua das Acácias", "Rua dos Ipês", "Rua das Orquídeas", "Rua das Hortênsias", "Rua dos Jasmins",
  "Rua das Margaridas", "Rua das Violetas", "Rua das Camélias", "Rua dos Girassóis", "Rua das Palmeiras",
  "Rua dos Pinheiros", "Rua das Azaleias", "Rua das Magnólias", "Rua dos Cravos", "Rua das Tulipas",
  "Rua Sete de Setembro", "Rua Santos Dumont", "Rua Rui Barbosa", "Rua Duque de Caxias", "Rua José Bonifácio",
  "Rua Visconde de Mauá", "Rua Castro Alves", "Rua Machado de Assis", "Rua Carlos Gomes", "Rua Olavo Bilac",
  "Rua Monteiro Lobato", "Rua Cecília Meireles", "Rua Carlos Drummond de Andrade", "Rua Vinícius de Moraes",
  "Rua Padre Anchieta", "Rua São Benedito", "Rua Santa Rita", "Rua São Sebastião", "Rua Nossa Senhora Aparecida",
  "Rua Santo Antônio", "Rua São José", "Rua São Pedro", "Rua Bahia", "Rua Goiás", "Rua Espírito Santo",
  "Rua Amazonas", "Rua Pará", "Rua Ceará", "Rua Alagoas", "Rua Sergipe", "Rua Piauí", "Rua Maranhão",
  "Rua Mato Grosso", "Avenida Presidente Vargas", "Avenida Juscelino Kubitschek", "Avenida Tancredo Neves",
  "Rua Doutor Antônio Carlos", "Rua Coronel Antônio Ribeiro", "Rua Professor João Batista", "Rua Professora Maria José",
  "Rua Antônio Ferreira da Silva", "Rua José Benedito de Oliveira", "Rua Maria Aparecida de Souza",
  "Rua João Batista Ferreira", "Rua Sebastião Pereira", "Rua Geraldo Alves", "Rua Benedito Rodrigues",
  "Rua Waldemar Costa", "Rua Oswaldo Cruz", "Rua Vital Brasil", "Rua Mário Quintana", "Rua Ana Néri",
  "Rua Anita Garibaldi", "Rua Princesa Isabel", "Rua Marechal Floriano", "Rua Quintino Bocaiúva", "Rua Joaquim Nabuco",
  "Travessa São Jorge", "Rua Pedro de Toledo", "Rua Francisco Bueno", "Rua Luiz Gonzaga", "Rua Ayrton Senna",
  "Rua Chico Mendes", "Rua Frei Caneca", "Rua Rio de Janeiro", "Rua Paraíba", "Rua Rio Branco", "Rua Campos Sales",
  "Rua Prudente de Morais", "Rua Deodoro da Fonseca", "Rua Floriano Peixoto", "Rua Cristóvão Colombo",
  "Rua Pedro Álvares Cabral", "Rua Álvares de Azevedo", "Rua Gonçalves Dias", "Rua José de Alencar",
  "Rua Euclides da Cunha", "Rua Lima Barreto", "Rua Manuel Bandeira", "Rua Guimarães Rosa", "Rua Portinari",
  "Rua Villa-Lobos", "Rua Tom Jobim", "Rua Adoniran Barbosa", "Alameda dos Bem-te-vis", "Alameda dos Sabiás",
  "Rua dos Canários", "Rua das Andorinhas", "Rua dos Beija-flores", "Rua Tupinambás", "Rua Guaranis",
  "Rua Aimorés", "Rua Tamoios", "Estrada Municipal do Cafezal",
] as const;

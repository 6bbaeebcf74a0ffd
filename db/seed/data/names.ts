// Common Brazilian given names and surnames (IBGE census favourites, both genders).

export const FEMALE_FIRST_NAMES = [
  "Maria", "Ana", "Francisca", "Antônia", "Adriana", "Juliana", "Márcia", "Fernanda", "Patrícia", "Aline",
  "Sandra", "Camila", "Amanda", "Bruna", "Jéssica", "Letícia", "Júlia", "Luciana", "Vanessa", "Mariana",
  "Gabriela", "Vera", "Vitória", "Larissa", "Cláudia", "Beatriz", "Rita", "Luana", "Sônia", "Renata",
  "Eliane", "Débora", "Simone", "Tatiane", "Rosângela", "Cristiane", "Daniela", "Carla", "Raquel", "Helena",
  "Alice", "Laura", "Valentina", "Sophia", "Isabela", "Manuela", "Lívia", "Heloísa", "Cecília", "Lúcia",
  "Aparecida", "Benedita", "Conceição", "Terezinha", "Rosa", "Natália", "Priscila", "Kelly", "Elaine", "Regina",
  "Maria Eduarda", "Maria Clara", "Ana Paula", "Ana Clara", "Maria José", "Ana Carolina", "Maria Aparecida",
  "Ana Luíza", "Maria Helena", "Maria Fernanda",
] as const;

export const MALE_FIRST_NAMES = [
  "José", "João", "Antônio", "Francisco", "Carlos", "Paulo", "Pedro", "Lucas", "Luiz", "Marcos",
  "Luís", "Gabriel", "Rafael", "Daniel", "Marcelo", "Bruno", "Eduardo", "Felipe", "Raimundo", "Rodrigo",
  "Manoel", "Mateus", "André", "Fernando", "Fábio", "Leonardo", "Gustavo", "Guilherme", "Leandro", "Tiago",
  "Anderson", "Ricardo", "Márcio", "Jorge", "Sebastião", "Alexandre", "Roberto", "Edson", "Diego", "Vitor",
  "Sérgio", "Cláudio", "Matheus", "Thiago", "Geraldo", "Adriano", "Luciano", "Júlio", "Renato", "Alex",
  "Miguel", "Arthur", "Heitor", "Bernardo", "Davi", "Lorenzo", "Benedito", "Wellington", "Vinícius", "Igor",
  "João Pedro", "João Vitor", "Luiz Fernando", "José Carlos", "João Paulo", "Carlos Eduardo", "Paulo Henrique",
  "Luiz Carlos", "José Roberto", "Pedro Henrique",
] as const;

export const SURNAMES = [
  "Silva", "Santos", "Oliveira", "Souza", "Rodrigues", "Ferreira", "Alves", "Pereira", "Lima", "Gomes",
  "Costa", "Ribeiro", "Martins", "Carvalho", "Almeida", "Lopes", "Soares", "Fernandes", "Vieira", "Barbosa",
  "Rocha", "Dias", "Nascimento", "Andrade", "Moreira", "Nunes", "Marques", "Machado", "Mendes", "Freitas",
  "Cardoso", "Ramos", "Gonçalves", "Santana", "Teixeira", "Araújo", "Moraes", "Pinto", "Cavalcanti", "Monteiro",
  "Correia", "Batista", "Reis", "Campos", "Figueiredo", "Barros", "Castro", "Borges", "Brito", "Rezende",
  "Junqueira", "Pádua", "Toledo", "Bueno", "Prado", "Franco", "Vilela", "Magalhães", "Siqueira", "Moura",
  "Assis", "Paiva", "Tavares", "Coelho", "Fonseca", "Leite", "Xavier", "Miranda", "Guimarães", "Cunha",
  "Azevedo", "Cruz", "Duarte", "Faria", "Fagundes", "Brandão", "Bernardes", "Aguiar", "Pires", "Peixoto",
  "Zanetti", "Bertolini", "Rossi", "Ferraz", "Camargo",
] as const;

/** Surnames that often carry a particle ("da Silva", "dos Santos"). */
export const SURNAME_PARTICLES: Readonly<Record<string, string>> = {
  Silva: "da", Santos: "dos", Souza: "de", Oliveira: "de", Assis: "de", Almeida: "de", Andrade: "de",
  Carvalho: "de", Moraes: "de", Freitas: "de", Lima: "de", Paula: "de", Castro: "de", Faria: "de",
  Paiva: "de", Campos: "de", Barros: "de", Araújo: "de", Pádua: "de", Toledo: "de", Camargo: "de",
};

export const COMPANY_KINDS = [
  "Mercado", "Supermercado", "Padaria", "Auto Peças", "Farmácia", "Drogaria", "Materiais de Construção",
  "Restaurante", "Pet Shop", "Oficina Mecânica", "Salão de Beleza", "Distribuidora", "Papelaria", "Açougue",
  "Loja", "Comercial", "Transportadora", "Clínica Odontológica", "Escritório Contábil", "Pousada", "Academia",
  "Sorveteria", "Lanchonete", "Hortifrúti", "Imobiliária", "Agropecuária", "Laticínios", "Vidraçaria",
  "Marcenaria", "Serralheria", "Hotel", "Pizzaria", "Confecções", "Calçados", "Ótica", "Auto Escola",
  "Posto", "Funilaria", "Madeireira", "Cafeteria",
] as const;

/** What follows the kind when the company is not named after its owner's family. */
export const COMPANY_QUALIFIERS = [
  "São José", "Santa Rita", "Nossa Senhora Aparecida", "Santo Antônio", "São Benedito", "São Sebastião",
  "Bela Vista", "Central", "Mineira", "Paulista", "do Vale", "da Serra", "Mantiqueira", "Boa Esperança",
  "Progresso", "Primavera", "Estrela", "Bom Jesus", "Sul de Minas", "Nova Era", "Das Águas", "Mogiana",
] as const;

export const COMPANY_SUFFIXES = ["Ltda", "Ltda", "Ltda", "ME", "ME", "EIRELI", "Ltda - ME", "S/A"] as const;

export const EMAIL_DOMAINS = ["example.com", "example.net", "example.org"] as const;
